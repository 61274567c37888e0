using System.Net.Http.Json;
using CaseLedger.Demo;
using Marten.Events;

namespace CaseLedger.Tests.Demo;

/// <summary>The five seed inspections loaded through the API, and the published figures read back out of it.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoLoadTests(AppFixture app)
{
    [Fact]
    public async Task The_published_figures_come_out_of_the_loaded_inspections()
    {
        await app.Host.EnsureDemoLoaded();

        foreach (var scores in new[] { app.Host.ScoresFromViews(), app.Host.ScoresFromJudgements() })
        {
            await ScoreChecks.AssertPublished(scores, DemoInspections.Named("northamptonshire").Id, PublishedFigures.Northamptonshire);
            await ScoreChecks.AssertPublished(scores, DemoInspections.Named("lambeth").Id, PublishedFigures.Lambeth);
        }
        await AssertStatedCounts(DemoInspections.Named("southend").Id, PublishedFigures.Southend);
        await AssertStatedCounts(DemoInspections.Named("norfolk").Id, PublishedFigures.Norfolk);
        await AssertStatedCounts(DemoInspections.Named("stockport").Id, PublishedFigures.Stockport);
    }

    [Fact]
    public async Task Lambeths_findings_move_from_week_1_to_the_published_figures_and_moderation_shows()
    {
        await app.Host.EnsureDemoLoaded();
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var lambeth = DemoInspections.Named("lambeth").Id;

        var history = await (await app.Host.Auditor().GetAsync($"/inspections/{lambeth}/history?from=week:1&to=published"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var moderation = await (await app.Host.Auditor().GetAsync($"/inspections/{lambeth}/moderation"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        // Which themes must move, worked out from the ledger's events rather than from the history being tested.
        var events = await app.Host.Events(lambeth);
        var scheme = ScoringScheme.From(Framework("fji-2013"));
        var atWeek1 = Scorer.Compute(scheme, AnswersUntil(events, week: 1));
        var atPublication = Scorer.Compute(scheme, AnswersOf(events));
        var mustMove = atWeek1.Scores.Zip(atPublication.Scores)
            .Where(pair => pair.First.Kind == ScopeKind.Theme && pair.First.ExactPercentage != pair.Second.ExactPercentage)
            .ToDictionary(pair => pair.First.Id, pair => (Before: pair.First.Score, After: pair.Second.Score));
        var movedThemes = history.GetProperty("movedScores").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "theme")
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => (Before: m.GetProperty("before").IntOrNull("score"), After: m.GetProperty("after").IntOrNull("score")));
        Assert.Equal(mustMove, movedThemes);
        Assert.All(PublishedFigures.Lambeth, figure =>
        {
            Assert.True(movedThemes.TryGetValue(figure.Id, out var moved), $"Theme '{figure.Id}' did not move from week 1 to publication.");
            Assert.Equal(figure.Score, moved.After);
        });
        Assert.NotEmpty(history.GetProperty("changedJudgements").EnumerateArray());
        Assert.All(moderation.GetProperty("moderations").EnumerateArray(), m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("rationale").GetString()));
            Assert.NotEmpty(m.GetProperty("impacts").EnumerateArray());
        });
        Assert.True(moderation.GetProperty("moderations").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("northamptonshire", "cci-2009", "East Midlands", 62, "2012-02-27,2012-03-05")]
    [InlineData("lambeth", "fji-2013", "London", 61, "2014-09-15,2014-09-29")]
    [InlineData("norfolk", "sqs-2014", "East of England", 32, "2016-05-23")]
    [InlineData("stockport", "sqs-2014", "North West", 14, "2015-03-02")]
    [InlineData("southend", "sqs-2014", "East of England", 20, "2016-05-16")]
    [InlineData("riverford", "hmip-youth-2021", "South West", 30, "2026-09-14,2026-09-21")]
    public async Task Each_seed_is_a_published_inspection_of_its_yot_with_its_sample_weeks_and_team(
        string yot, string framework, string region, int cases, string weeks)
    {
        await app.Host.EnsureDemoLoaded();

        var summary = await app.Host.Summary(DemoInspections.All.Single(i => i.Key == yot).Id);

        Assert.Equal((yot, region, framework, InspectionStates.Published), (summary.Yot.Code, summary.Yot.Region, summary.FrameworkId, summary.State));
        Assert.Equal(cases, summary.Sample.Count);
        Assert.Equal(weeks.Split(',').Select(DateOnly.Parse), summary.FieldworkWeeks.Select(week => week.StartsOn));
        Assert.Equal(summary.FieldworkWeeks.Select(week => week.Number), summary.ClosedWeeks);
        Assert.Equal($"lead-inspector-{yot}", Assert.Single(summary.Team, member => member.Role == TeamRoles.LeadInspector).UserId);
        Assert.All(summary.Team, member => Assert.EndsWith($"-{yot}", member.UserId));
    }

    [Fact]
    public async Task The_northamptonshire_sample_has_the_custody_cases_the_report_counts()
    {
        await app.Host.EnsureDemoLoaded();

        var sample = (await app.Host.Summary(DemoInspections.Named("northamptonshire").Id)).Sample;

        Assert.Equal(16, sample.Count(@case => @case.Setting == "custody"));
        Assert.Equal(30, sample.Count(@case => @case.RiskOfHarm is "medium" or "high" or "very-high"));
        Assert.All(sample, @case => Assert.Matches("^C[0-9]{2}$", @case.Reference));
    }

    [Fact]
    public async Task Loading_again_appends_nothing()
    {
        await app.Host.EnsureDemoLoaded();
        var before = await StreamVersions();

        var results = await app.Host.LoadDemo(DemoInspections.All);

        Assert.All(results, result => Assert.False(result.Loaded));
        Assert.Equal(before, await StreamVersions());
    }

    [Fact]
    public async Task Findings_move_from_week_1_to_week_2_and_the_lead_moderates_some()
    {
        await app.Host.EnsureDemoLoaded();
        var lambeth = DemoScripts.Build(DemoInspections.Named("lambeth"), Framework("fji-2013"));

        var events = await app.Host.Events(lambeth.Id);
        Assert.Equal(lambeth.Revisions, events.Count(e => e.Data is JudgementRevised));
        Assert.Equal(lambeth.Moderations, events.Count(e => e.Data is JudgementModerated));

        var movedInWeek2 = lambeth.ChangesIn(2).First(change => !change.Change.IsModeration).Judgement;
        var history = await app.Host.History(lambeth.Id, movedInWeek2.Id);
        Assert.Equal([("recorded", 1), ("revised", 2)], history.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("week").GetInt32())));
        Assert.NotEqual(history[0].GetProperty("answer").GetString(), history[1].GetProperty("answer").GetString());

        var overturned = lambeth.Judgements.First(j => j.Changes.Count == 2);
        var kinds = (await app.Host.History(lambeth.Id, overturned.Id)).Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("by").GetString()));
        Assert.Equal([("recorded", overturned.RecordedBy), ("revised", overturned.RecordedBy), ("moderated", "lead-inspector-lambeth")], kinds);
    }

    [Fact]
    public async Task Every_lambeth_theme_score_moves_between_the_end_of_week_1_and_the_end_of_week_2()
    {
        await app.Host.EnsureDemoLoaded();
        var events = await app.Host.Events(DemoInspections.Named("lambeth").Id);
        var scheme = ScoringScheme.From(Framework("fji-2013"));

        // The two points history?from=week:1&to=week:2 compares: right after each week closed.
        var atWeek1 = Scorer.Compute(scheme, AnswersUntil(events, week: 1));
        var atWeek2 = Scorer.Compute(scheme, AnswersUntil(events, week: 2));

        Assert.All(PublishedFigures.Lambeth, figure =>
            Assert.NotEqual(atWeek1.Get(figure.Kind, figure.Id).Score, atWeek2.Get(figure.Kind, figure.Id).Score));
    }

    private static IEnumerable<CaseAnswer> AnswersUntil(IReadOnlyList<JasperFx.Events.IEvent> events, int week) =>
        AnswersOf(events.TakeWhile(e => e.Data is not FieldworkWeekClosed closed || closed.Number < week));

    private static IEnumerable<CaseAnswer> AnswersOf(IEnumerable<JasperFx.Events.IEvent> events)
    {
        var answers = new CurrentAnswers();
        foreach (var @event in events)
            answers.Apply(@event.Data);
        return answers.Answers;
    }

    private async Task AssertStatedCounts(Guid id, IReadOnlyList<PublishedFigures.StatedCount> stated)
    {
        var judgements = await app.Host.Judgements(id);
        Assert.All(stated, count =>
        {
            var answered = judgements.Where(j => j.QuestionId == count.QuestionId && j.Answer != Answer.NotApplicable).ToList();
            Assert.Equal((count.QuestionId, count.Applicable, count.Sufficient),
                (count.QuestionId, answered.Count, answered.Count(j => j.Answer == Answer.Sufficient)));
        });
    }

    private async Task<IReadOnlyList<long>> StreamVersions() =>
        [.. await Task.WhenAll(DemoInspections.All.Select(async inspection => (await app.Host.Summary(inspection.Id)).StreamVersion))];

    private Framework Framework(string id) => app.Host.Services.GetRequiredService<FrameworkCatalog>().Latest(id)!;
}
