namespace CaseLedger.Tests.Infrastructure;

/// <summary>A control character in any query value is the client's mistake, refused before it reaches a query.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryValueCheckTests(AppFixture app)
{
    [Theory]
    [InlineData("/inspections?yot=a%00b", "yot")]
    [InlineData("/inspections/{id}/judgements?questionId=a%00b", "questionId")]
    [InlineData("/yots?Some%1BName=x", "Some\u001bName")]
    [InlineData("/health/live?probe=%0A", "probe")]
    public async Task A_control_character_in_a_query_value_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url.Replace("{id}", Guid.NewGuid().ToString()));
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(Scenarios.Lead, Roles.LeadInspector)}");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });

        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal("must not contain control characters.", errors.GetProperty(parameter)[0].GetString());
    }
}
