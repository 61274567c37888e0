namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class CorrelationIdTests(AppFixture app)
{
    [Fact]
    public async Task A_callers_correlation_id_is_echoed()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.WithRequestHeader(CorrelationIds.Header, "audit-7f3a");
            s.Header(CorrelationIds.Header).SingleValueShouldEqual("audit-7f3a");
        });
    }

    [Fact]
    public async Task An_unusable_correlation_id_is_replaced_by_a_new_one()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.WithRequestHeader(CorrelationIds.Header, new string('x', 500));
        });

        var echoed = result.Context.Response.Headers[CorrelationIds.Header].ToString();
        Assert.Equal(32, echoed.Length);
    }
}
