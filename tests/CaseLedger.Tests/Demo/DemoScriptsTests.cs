using CaseLedger.Demo;

namespace CaseLedger.Tests.Demo;

/// <summary>The demo's scripts, worked out without a host: what they end at and how they get there.</summary>
public class DemoScriptsTests
{
    private static readonly Lazy<FrameworkCatalog> Frameworks = new(FrameworkLoader.LoadDefault);

    private static readonly Lazy<IReadOnlyDictionary<string, DemoScript>> Scripts = new(() =>
        DemoInspections.All.ToDictionary(
            inspection => inspection.Key,
            inspection => DemoScripts.Build(inspection, Frameworks.Value.Latest(inspection.FrameworkId)!)));

    [Fact]
    public async Task The_final_answers_give_every_published_score_and_comment()
    {
        await ScoreChecks.AssertPublished(FinalScores, DemoInspections.Named("northamptonshire").Id, PublishedFigures.Northamptonshire);
        await ScoreChecks.AssertPublished(FinalScores, DemoInspections.Named("lambeth").Id, PublishedFigures.Lambeth);
    }

    [Theory]
    [InlineData("southend")]
    [InlineData("norfolk")]
    [InlineData("stockport")]
    public void The_final_answers_give_every_count_the_screening_states(string key)
    {
        var stated = key switch
        {
            "southend" => PublishedFigures.Southend,
            "norfolk" => PublishedFigures.Norfolk,
            _ => PublishedFigures.Stockport,
        };
        var judgements = Scripts.Value[key].Judgements;

        Assert.All(stated, count =>
        {
            var answers = judgements.Where(j => j.QuestionId == count.QuestionId && j.Final != Answer.NotApplicable).ToList();
            Assert.Equal((count.Applicable, count.Sufficient), (answers.Count, answers.Count(j => j.Final == Answer.Sufficient)));
        });
    }

    [Fact]
    public void Samples_have_the_seeds_sizes_and_every_applicable_question_is_judged_once()
    {
        Assert.Equal([62, 61, 14, 20, 32, 30], DemoInspections.All.Select(inspection => inspection.Cases.Count));
        foreach (var script in Scripts.Value.Values)
        {
            var framework = Frameworks.Value.Latest(script.Inspection.FrameworkId)!;
            var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
            var expected = script.Cases.Sum(@case => questions.Count(q => Api.Inspections.Judging.QuestionApplicability.AppliesTo(q, @case)));
            Assert.Equal(expected, script.Judgements.Select(j => (j.CaseId, j.QuestionId)).Distinct().Count());
            Assert.Equal(expected, script.Judgements.Select(j => j.Id).Distinct().Count());
        }
    }

    [Fact]
    public void Findings_move_between_the_weeks_and_through_moderation_without_moving_the_end()
    {
        var cci = Scripts.Value["northamptonshire"];
        var lambeth = Scripts.Value["lambeth"];

        // Week-1 judgements revised in week 2, each starting from another answer.
        var revisedInWeek2 = lambeth.ChangesIn(2).Where(change => !change.Change.IsModeration).ToList();
        Assert.True(revisedInWeek2.Count >= 60);
        Assert.All(revisedInWeek2, change => Assert.Equal(1, change.Judgement.Week));
        Assert.All(lambeth.Judgements.Where(j => j.Changes.Count == 1), j => Assert.NotEqual(j.Answer, j.Final));
        Assert.Equal(15, lambeth.Moderations);
        Assert.Equal(5 + 4 + 2, cci.Moderations);
        Assert.All(cci.ChangesIn(null), change => Assert.True(change.Change.IsModeration));
        Assert.All(cci.Judgements.Where(j => j.Changes.Any(c => c.IsModeration)),
            j => Assert.NotEqual(cci.Inspection.Lead, j.RecordedBy));

        // The scores at the end of week 1 differ from the final ones: the history has something to show.
        var scheme = ScoringScheme.From(Frameworks.Value.Latest("fji-2013")!);
        var atWeek1 = Scorer.Compute(scheme, lambeth.Judgements.Select(j => new CaseAnswer(j.CaseId, j.QuestionId, AsOfWeek(j, 1))));
        var final = Scorer.Compute(scheme, lambeth.Judgements.Select(j => new CaseAnswer(j.CaseId, j.QuestionId, j.Final)));
        Assert.Contains(atWeek1.Scores, score => score.Score != final.Get(score.Kind, score.Id).Score);
    }

    [Fact]
    public void Scripts_are_the_same_every_time()
    {
        var again = DemoScripts.Build(DemoInspections.Named("southend"), Frameworks.Value.Latest("sqs-2014")!);

        Assert.Equal(Scripts.Value["southend"].Judgements.Select(Describe), again.Judgements.Select(Describe));
    }

    [Fact]
    public void The_ids_the_readme_quotes_are_the_demos()
    {
        var overturned = Scripts.Value["lambeth"].Judgements.Where(j => j.Changes.Count == 2).Select(j => j.Id);

        Assert.Equal(new Guid("0da453ab-adfa-5cbe-bf92-50a506ff4fb5"), DemoInspections.Named("northamptonshire").Id);
        Assert.Equal(new Guid("d0e97dd7-f7fc-5327-8ebd-7840926d9bdd"), DemoInspections.Named("lambeth").Id);
        Assert.Contains(new Guid("88837e24-f41f-565d-9de6-61ed59682289"), overturned);
    }

    private static string Describe(ScriptedJudgement j) =>
        $"{j.Id} {j.CaseReference} {j.QuestionId} {j.Answer} {string.Join(',', j.Reasons)} {string.Join(';', j.Changes)}";

    private static Answer AsOfWeek(ScriptedJudgement judgement, int week) =>
        judgement.Changes.Where(change => change.Week is { } w && w <= week).Select(change => change.Answer).LastOrDefault(judgement.Answer);

    private static Task<IReadOnlyList<ScoreFigure>> FinalScores(Guid inspectionId)
    {
        var script = Scripts.Value.Values.Single(s => s.Id == inspectionId);
        var scheme = ScoringScheme.From(Frameworks.Value.Latest(script.Inspection.FrameworkId)!);
        return Task.FromResult(ScoreChecks.FromAnswers(scheme, script.Judgements.Select(j => new CaseAnswer(j.CaseId, j.QuestionId, j.Final))));
    }
}
