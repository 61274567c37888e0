using CaseLedger.Api.Yots;

namespace CaseLedger.Tests.Yots;

/// <summary>The register's decision, without a host: what each command appends, or why it is refused.</summary>
public sealed class RegisterYotDecisionTests
{
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static RegisteredYot Stockport() =>
        RegisteredYot.Start(new YotRegistered("stockport", "Stockport Youth Offending Service", "North West"), Registered);

    [Fact]
    public void An_unknown_code_is_registered()
    {
        var (events, rejection) = RegisterYotEndpoint.Decide("stockport", new RegisterYot(" Stockport YOS ", "North West"), current: null);

        Assert.Null(rejection);
        Assert.Equal(new YotRegistered("stockport", "Stockport YOS", "North West"), Assert.Single(events));
    }

    [Fact]
    public void Saying_what_the_register_holds_appends_nothing()
    {
        var (events, rejection) = RegisterYotEndpoint.Decide("stockport", new RegisterYot("Stockport Youth Offending Service", "North West"), Stockport());

        Assert.Null(rejection);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("Stockport Youth Justice Service", "North West")]
    [InlineData("Stockport Youth Offending Service", "North East")]
    public void A_new_name_or_region_is_a_change_that_keeps_what_it_replaced(string name, string region)
    {
        var (events, rejection) = RegisterYotEndpoint.Decide("stockport", new RegisterYot(name, region), Stockport());

        Assert.Null(rejection);
        Assert.Equal(new YotChanged("stockport", "Stockport Youth Offending Service", "North West", name, region), Assert.Single(events));
    }

    [Theory]
    [InlineData("Not A Code", "Stockport", "North West", "code")]
    [InlineData("stockport", "", "North West", "name")]
    [InlineData("stockport", "Stockport", "Atlantis", "region")]
    [InlineData("stockport", "Stockport", null, "region")]
    [InlineData("stockport", null, "North West", "name")]
    [InlineData("stockport", "TOO-LONG", "North West", "name")]
    [InlineData("stockport", "Stock\u0000port", "North West", "name")]
    public void Bad_fields_are_refused_by_name(string code, string? name, string? region, string field)
    {
        name = name == "TOO-LONG" ? new string('n', RegisterYotEndpoint.MaxNameLength + 1) : name;

        var (events, rejection) = RegisterYotEndpoint.Decide(code, new RegisterYot(name, region), current: null);

        Assert.Empty(events);
        Assert.Equal(400, rejection!.Status);
        Assert.True(rejection.Errors!.ContainsKey(field), string.Join(", ", rejection.Errors.Keys));
    }

    [Fact]
    public void The_register_names_a_yot_as_it_stood_at_a_moment()
    {
        var renamed = Stockport().Apply(
            new YotChanged("stockport", "Stockport Youth Offending Service", "North West", "Stockport Youth Justice Service", "North West"),
            Registered.AddDays(30));

        Assert.Equal("Stockport Youth Offending Service", renamed.AsOf(Registered.AddDays(29)).Name);
        Assert.Equal("Stockport Youth Justice Service", renamed.AsOf(Registered.AddDays(30)).Name);
        Assert.Equal("Stockport Youth Justice Service", renamed.AsOf(null).Name);
        // Before the register knew it, the earliest registration is the best it can say.
        Assert.Equal("Stockport Youth Offending Service", renamed.AsOf(Registered.AddYears(-5)).Name);
    }
}
