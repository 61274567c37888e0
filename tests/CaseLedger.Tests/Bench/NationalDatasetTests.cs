using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Bench.Dataset;

namespace CaseLedger.Tests.Bench;

public sealed class NationalDatasetTests
{
    private static readonly FrameworkCatalog Frameworks = FrameworkLoader.LoadDefault();

    [Fact]
    public void The_same_seed_gives_the_same_dataset_and_a_smaller_scale_is_a_prefix_of_a_larger()
    {
        var small = new NationalDataset(Frameworks, 7).Inspections(20_000).ToList();
        var large = new NationalDataset(Frameworks, 7).Inspections(60_000).ToList();
        var otherSeed = new NationalDataset(Frameworks, 8).Inspections(20_000).ToList();

        Assert.True(large.Count > small.Count);
        for (var i = 0; i < small.Count; i++)
        {
            Assert.Equal(small[i].Id, large[i].Id);
            Assert.Equal(Describe(small[i]), Describe(large[i]));
        }
        Assert.NotEqual(small[0].Id, otherSeed[0].Id);
    }

    private static IEnumerable<string> Describe(PlannedInspection inspection) =>
        inspection.Weeks.SelectMany(w => w.Judgements)
            .Select(j => $"{j.Id} {j.CaseId} {j.QuestionId} {j.Answer} {string.Join(",", j.Reasons)} {j.Note} {j.By}");

    [Fact]
    public void It_stops_at_the_first_inspection_that_reaches_the_event_count()
    {
        var inspections = new NationalDataset(Frameworks, 7).Inspections(50_000).ToList();
        var events = inspections.Sum(i => (long)i.EventCount);

        Assert.True(events >= 50_000);
        Assert.True(events - inspections[^1].EventCount < 50_000);
    }

    [Fact]
    public void Every_judgement_answers_a_question_that_applies_to_its_case_and_every_change_states_the_version_it_saw()
    {
        foreach (var inspection in new NationalDataset(Frameworks, 7).Inspections(100_000))
        {
            var framework = Frameworks.Latest(inspection.FrameworkId)!;
            var cases = inspection.Cases.ToDictionary(c => c.Id);
            var judgements = inspection.Weeks.SelectMany(w => w.Judgements).ToList();
            Assert.All(judgements, j => Assert.True(framework.FindQuestion(j.QuestionId)!.AppliesTo(cases[j.CaseId])));
            Assert.Equal(judgements.Count, judgements.Select(j => (j.CaseId, j.QuestionId)).Distinct().Count());
            Assert.All(judgements.Where(j => j.Answer != "insufficient"), j => Assert.Empty(j.Reasons));
            Assert.All(judgements.Where(j => j.Answer == "insufficient"), j => Assert.NotEmpty(j.Reasons));

            var versions = judgements.ToDictionary(j => j.Id, _ => 1);
            foreach (var change in inspection.Weeks.SelectMany(w => w.Revisions).Concat(inspection.Moderations))
            {
                Assert.Equal(versions[change.JudgementId], change.ExpectedVersion);
                versions[change.JudgementId]++;
            }
        }
    }

    [Fact]
    public void Every_inspection_of_the_qa_framework_samples_what_a_lead_may_draw_and_confirms_or_overturns_it_at_its_current_version()
    {
        var inspections = new NationalDataset(Frameworks, 7).Inspections(100_000).ToList();

        Assert.Equal(NationalDataset.DeepQaPerInspector, inspections[0].Qa?.PerInspector);
        foreach (var inspection in inspections)
        {
            Assert.Equal(inspection.FrameworkId == NationalDataset.QaFrameworkId, inspection.Qa is not null);
            if (inspection.Qa is not { } qa) continue;
            var judgements = inspection.Weeks.SelectMany(w => w.Judgements).ToDictionary(j => j.Id);
            var moderated = inspection.Moderations.Select(m => m.JudgementId).ToHashSet();
            var versions = judgements.Keys.ToDictionary(id => id, _ => 1);
            foreach (var change in inspection.Weeks.SelectMany(w => w.Revisions).Concat(inspection.Moderations)) versions[change.JudgementId]++;
            var sampled = qa.Confirmations.Select(c => c.JudgementId).Concat(qa.Overturns.Select(o => o.JudgementId)).ToList();

            Assert.Equal(sampled.Count, sampled.Distinct().Count());
            Assert.All(sampled, id => Assert.DoesNotContain(id, moderated));
            Assert.All(inspection.Inspectors, inspector => Assert.Equal(
                Math.Min(qa.PerInspector, judgements.Values.Count(j => j.By == inspector && !moderated.Contains(j.Id))),
                sampled.Count(id => judgements[id].By == inspector)));
            Assert.All(qa.Confirmations, c => Assert.Equal(versions[c.JudgementId], c.ExpectedVersion));
            Assert.All(qa.Overturns, o => Assert.Equal((versions[o.JudgementId], inspection.Lead), (o.ExpectedVersion, o.By)));
            Assert.Equal(sampled.Count / NationalDataset.QaOverturnsOneIn, qa.Overturns.Count);
        }
    }

    [Fact]
    public void A_national_dataset_spans_every_region_every_framework_and_has_revisions_and_moderations()
    {
        var inspections = new NationalDataset(Frameworks, 2012).Inspections(500_000).ToList();

        Assert.Equal(10, inspections.Select(i => i.Yot.Region).Distinct().Count());
        Assert.Equal(["cci-2009", "fji-2013", "sqs-2014"], inspections.Select(i => i.FrameworkId).Distinct().Order());
        Assert.All(inspections.Skip(1), i => Assert.InRange(i.Cases.Count, 14, 100));
        // The first is the deep one history reads are measured on: 10,000 judgements and more, hundreds of changes.
        var deep = inspections[0];
        Assert.Equal(("cci-2009", NationalDataset.DeepCases), (deep.FrameworkId, deep.Cases.Count));
        Assert.True(deep.JudgementCount >= 10_000, $"{deep.JudgementCount} judgements");
        Assert.True(deep.RevisionCount >= 100 && deep.Moderations.Count >= 200, $"{deep.RevisionCount} revisions, {deep.Moderations.Count} moderations");
        Assert.True(inspections.Sum(i => i.RevisionCount) > 0);
        Assert.True(inspections.Sum(i => i.Moderations.Count) > 0);
        Assert.Contains(inspections, i => !i.Published);
    }
}
