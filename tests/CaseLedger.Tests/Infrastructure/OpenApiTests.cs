using Microsoft.AspNetCore.Routing;

namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));

        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Every_api_route_is_documented()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Wolverine.Http.HttpChain>() is not null)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();

        Assert.True(routes.Count >= 25, $"only {routes.Count} Wolverine routes found");
        Assert.Contains("GET /frameworks", documented);
        Assert.Contains("GET /frameworks/{id}", documented);
        Assert.Empty(routes.Except(documented));
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/docs/v1"));

        Assert.Contains("<html", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
