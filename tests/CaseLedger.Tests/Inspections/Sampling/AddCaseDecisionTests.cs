using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Sampling;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Sampling;

/// <summary>Adding a case to the sample, decided without a host.</summary>
public sealed class AddCaseDecisionTests
{
    private static readonly Guid NewId = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000cc");

    private static AddCase Case(string reference = "C02", string setting = "custody") =>
        new(null, reference, "referral-order", setting, 16, "female", null, null, null);

    [Fact]
    public void A_new_case_joins_the_sample_under_the_chosen_id()
    {
        var decision = AddCaseEndpoint.Decide(Header(), Lead, Case(), NewId, Now);

        var added = Assert.IsType<CaseAddedToSample>(Assert.Single(decision.Events));
        Assert.Equal(NewId, added.Case.Id);
        Assert.Equal("current", added.Case.Status);
        Assert.Equal(added.Case, decision.State!.FindCase(NewId));
    }

    [Fact]
    public void The_same_case_again_is_a_retry_that_appends_nothing()
    {
        var existing = CommunityCase;
        var again = new AddCase(existing.Id, existing.Reference, existing.SentenceType, existing.Setting, existing.AgeAtStart,
            existing.Gender, existing.Ethnicity, existing.RiskOfHarm, existing.Status);

        var decision = AddCaseEndpoint.Decide(Header(), Lead, again, existing.Id, Now);

        Assert.Null(decision.Rejection);
        Assert.False(decision.Changes);
    }

    [Fact]
    public void A_reference_already_sampled_is_a_conflict_that_shows_the_existing_case()
    {
        var decision = AddCaseEndpoint.Decide(Header(), Lead, Case(reference: CommunityCase.Reference), NewId, Now);

        AssertRefused(decision, 409);
        Assert.Equal(CommunityCase, decision.Rejection!.Extensions!["existing"]);
    }

    [Theory]
    [InlineData("", "custody", "reference")]
    [InlineData("C02", "orbit", "setting")]
    public void Bad_fields_are_refused_by_name(string reference, string setting, string field) =>
        AssertRefused(AddCaseEndpoint.Decide(Header(), Lead, Case(reference, setting), NewId, Now), 400, field);

    [Fact]
    public void Only_the_lead_chooses_the_sample() =>
        AssertRefused(AddCaseEndpoint.Decide(Header(), Inspector, Case(), NewId, Now), 403);
}
