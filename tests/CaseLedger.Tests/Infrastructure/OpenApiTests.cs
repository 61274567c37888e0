using System.Text.Json;
using Alba;

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
    public async Task The_api_reference_page_is_served()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/docs/v1"));

        Assert.Contains("<html", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
