using Microsoft.AspNetCore.Routing;

namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_openapi_document_is_served()
    {
        using var document = JsonDocument.Parse(await app.Host.OpenApiText());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Every_api_route_is_documented()
    {
        using var document = JsonDocument.Parse(await app.Host.OpenApiText());
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
    public async Task Every_operation_reads_as_a_product_tagged_summarised_described_and_secured()
    {
        using var document = JsonDocument.Parse(await app.Host.OpenApiText());
        var root = document.RootElement;
        var tags = root.GetProperty("tags").EnumerateArray().ToDictionary(tag => tag.GetProperty("name").GetString()!, tag => tag.GetProperty("description").GetString());

        Assert.Equal("CaseLedger API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("ops/token", root.GetProperty("info").GetProperty("description").GetString());
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.All(tags.Values, description => Assert.False(string.IsNullOrWhiteSpace(description)));
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Select(operation => operation.Value))
            {
                var name = $"{path.Name} {operation.GetProperty("operationId")}";
                Assert.True(tags.ContainsKey(operation.GetProperty("tags")[0].GetString()!), $"{name} has a tag the document does not describe");
                Assert.DoesNotContain("_", operation.GetProperty("summary").GetString());
                Assert.True(operation.GetProperty("description").GetString()!.Length > 40, $"{name} has no real description");
                var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject()).Select(s => s.Name);
                Assert.Equal(path.Name.StartsWith("/health/") ? [] : ["Bearer"], schemes);
            }
    }

    [Fact]
    public async Task The_api_reference_page_is_served_calling_nothing_outside_this_host()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/docs/v1"));
        var page = await result.ReadAsTextAsync();

        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        foreach (var setting in new[] { "\"withDefaultFonts\":false", "\"telemetry\":false", "\"showDeveloperTools\":\"never\"", "\"hideClientButton\":true" })
            Assert.Contains(setting, page);
        Assert.Matches("\"agent\":\\{\"disabled\":true", page);
        Assert.Matches("\"mcp\":\\{\"disabled\":true", page);
        Assert.DoesNotContain("proxyUrl", page);
    }
}
