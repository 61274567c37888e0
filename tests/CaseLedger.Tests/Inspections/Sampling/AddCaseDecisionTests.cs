using CaseLedger.Api.Inspections.Sampling;
using static CaseLedger.Tests.Inspections.InMemory;

namespace CaseLedger.Tests.Inspections.Sampling;

/// <summary>Adding a case to the sample, decided without a host.</summary>
public sealed class AddCaseDecisionTests
{
    private static readonly Guid NewId = Guid.Parse("6a0c8f5e-0000-4000-8000-0000000000cc");

    private static AddCase Case(string reference = "C02", string setting = "custody") =>
        new(null, reference, "referral-order", setting, 16, "female", null, null, null);

    private static AddCase Again(SampledCase existing) => new(existing.Id, existing.Reference, existing.SentenceType, existing.Setting,
        existing.AgeAtStart, existing.Gender, existing.Ethnicity, existing.RiskOfHarm, existing.Status);

    [Fact]
    public void A_new_case_joins_the_sample_under_the_chosen_id()
    {
        var decision = AddCaseEndpoint.Decide(Header(), Lead, Case(), NewId, Now);

        var added = Assert.IsType<CaseAddedToSample>(Assert.Single(decision.Events));
        Assert.Equal(NewId, added.Case.Id);
        Assert.Equal("current", added.Case.Status);
        Assert.Equal(added.Case, decision.State!.FindCase(NewId));
        Assert.Same(decision.State, Assert.Single(decision.Writes).Document);
        Assert.Equal(1, decision.Week);
    }

    [Fact]
    public void The_same_case_again_is_a_retry_that_appends_nothing()
    {
        var decision = AddCaseEndpoint.Decide(Header(), Lead, Again(CommunityCase), CommunityCase.Id, Now);

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

    [Fact]
    public void A_different_case_under_a_sampled_id_is_a_conflict_that_shows_the_existing_case()
    {
        var decision = AddCaseEndpoint.Decide(Header(), Lead, Again(CommunityCase) with { AgeAtStart = 17 }, CommunityCase.Id, Now);

        AssertRefused(decision, 409);
        Assert.Equal(CommunityCase, decision.Rejection!.Extensions!["existing"]);
    }

    [Fact]
    public void A_full_sample_takes_no_more_cases()
    {
        var full = Header() with
        {
            Sample = [.. Enumerable.Range(1, AddCaseEndpoint.MaxSample).Select(i => CommunityCase with { Id = Guid.NewGuid(), Reference = $"F{i:000}" })],
        };

        AssertRefused(AddCaseEndpoint.Decide(full, Lead, Case(), NewId, Now), 409);
    }

    [Theory]
    [InlineData("blank-reference", "reference")]
    [InlineData("long-reference", "reference")]
    [InlineData("unknown-sentence-type", "sentenceType")]
    [InlineData("unknown-setting", "setting")]
    [InlineData("too-young", "ageAtStart")]
    [InlineData("too-old", "ageAtStart")]
    [InlineData("unknown-gender", "gender")]
    [InlineData("long-ethnicity", "ethnicity")]
    [InlineData("unknown-risk-of-harm", "riskOfHarm")]
    [InlineData("unknown-status", "status")]
    public void Bad_fields_are_refused_by_name(string what, string field)
    {
        var command = what switch
        {
            "blank-reference" => Case(reference: ""),
            "long-reference" => Case(reference: new string('C', 21)),
            "unknown-sentence-type" => Case() with { SentenceType = "hanging" },
            "unknown-setting" => Case(setting: "orbit"),
            "too-young" => Case() with { AgeAtStart = 9 },
            "too-old" => Case() with { AgeAtStart = 22 },
            "unknown-gender" => Case() with { Gender = "unsure" },
            "long-ethnicity" => Case() with { Ethnicity = new string('e', 61) },
            "unknown-risk-of-harm" => Case() with { RiskOfHarm = "extreme" },
            "unknown-status" => Case() with { Status = "lost" },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        AssertRefused(AddCaseEndpoint.Decide(Header(), Lead, command, NewId, Now), 400, field);
    }

    [Fact]
    public void Only_the_lead_chooses_the_sample() =>
        AssertRefused(AddCaseEndpoint.Decide(Header(), Inspector, Case(), NewId, Now), 403);

    [Fact]
    public void To_someone_off_the_team_the_inspection_does_not_exist() =>
        AssertRefused(AddCaseEndpoint.Decide(Header(), Stranger, Case(), NewId, Now), 404);

    [Fact]
    public void A_published_sample_is_closed() =>
        AssertRefused(AddCaseEndpoint.Decide(Published(), Lead, Case(), NewId, Now), 409);
}
