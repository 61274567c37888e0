namespace CaseLedger.Tests.Infrastructure;

/// <summary>The OpenAPI document exactly as the host serves it to clients.</summary>
public static class ServedDocument
{
    public const string Url = "/openapi/v1.json";

    public static async Task<string> OpenApiText(this IAlbaHost host)
    {
        var result = await host.Scenario(s => s.Get.Url(Url));
        return await result.ReadAsTextAsync();
    }
}
