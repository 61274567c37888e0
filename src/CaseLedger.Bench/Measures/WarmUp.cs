using CaseLedger.Api.Frameworks;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Before anything is timed, one small inspection goes through every endpoint the measures use, and the raw side
/// does its kinds of write once: the API generates and compiles its handlers on first use, and the runtime compiles
/// hot paths as they run, so a measure's first requests would otherwise time the compiler rather than the work.
/// </summary>
public static class WarmUp
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var (api, random) = (context.Api, new Random(Draws.SeedFor(context.Options.Seed, -1)));
        var (inspection, judgements) = UniformInspection.Plan(context.Frameworks, random, 200, 2, "warm-up");
        var framework = context.Frameworks.Latest(inspection.FrameworkId)!;
        var draws = new AnswerDraws(random);
        PlannedChange Change(PlannedJudgement judgement, string by, int version)
        {
            var (answer, reasons) = draws.TurnOver(judgement.Answer, framework.FindQuestion(judgement.QuestionId)!);
            return new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, answer, reasons, draws.Rationale(), version, by);
        }

        IEnumerable<PreparedRequest> requests =
        [
            api.Register(inspection.Yot), .. api.OpenForJudgements(inspection),
            api.Batch(inspection.Id, inspection.Inspectors[0], judgements.Take(100)),
            .. judgements.Skip(100).Take(50).Select(j => api.Record(inspection.Id, j)),
            .. judgements.Take(10).Select(j => api.Revise(inspection.Id, Change(j, j.By, 1))),
            api.CloseWeek(inspection, 1),
            .. judgements.Skip(10).Take(10).Select(j => api.Moderate(inspection.Id, Change(j, inspection.Lead, 1))),
            api.Inspection(inspection.Id, "bench-auditor", Roles.Auditor),
            api.Judgements(inspection.Id, "bench-auditor", Roles.Auditor),
            api.Get($"/inspections/{inspection.Id}/judgements/{judgements[0].Id}/history", "bench-auditor", Roles.Auditor),
        ];
        await api.SendInOrderAsync(requests, cancellation);
        // QA before publication: what the API drew decides what there is to confirm.
        var sample = await api.ReadAsync<QaSampleRecord>(api.DrawQaSample(inspection.Id, inspection.Lead,
            new DrawQaSample(Id: null, PerInspector: 1, Share: null, Seed: null, Week: null)), cancellation);
        await api.SendInOrderAsync(
        [
            api.Confirm(inspection.Id, sample.Items[0].JudgementId, inspection.Lead, new ConfirmJudgement(sample.Items[0].Version, Note: null)),
            api.InspectionReliability(inspection.Id), api.FrameworkReliability(inspection.FrameworkId),
            api.Publish(inspection),
        ], cancellation);
        // The reads the history measure times, each once: verify's first request at a scale took twice its later ones.
        var (id, now) = (inspection.Id, Uri.EscapeDataString(DateTime.UtcNow.ToString("O")));
        await api.SendInOrderAsync(
            new[]
            {
                $"/inspections/{id}/scores?at=week:1", $"/inspections/{id}/history?from=week:1",
                $"/inspections/{id}/scores?at={now}&recordedAt={now}", $"/inspections/{id}/moderation", $"/inspections/{id}/verify",
                $"/inspections/{id}/events?after=0&limit=100", $"/yots/{inspection.Yot.Code}?at={now}",
                $"/themes/{framework.Id}/{framework.Themes.First(theme => theme.JudgedBy is null).Id}?at={now}",
            }.Select(path => api.Get(path, "bench-auditor", Roles.Auditor)),
            cancellation);

        var stream = Guid.NewGuid();
        await context.Raw.CopyAsync([.. judgements.Take(100).Select((j, i) => RawEvents.Recorded(stream, i + 1, j, Roles.Inspector, 1, "warm-up"))], cancellation);
        foreach (var (judgement, i) in judgements.Skip(100).Take(50).Select((j, i) => (j, i)))
            await context.Raw.InsertAsync(RawEvents.Recorded(stream, 101 + i, judgement, Roles.Inspector, 1, "warm-up"), RawEvents.Current(stream, judgement, 1), cancellation);
    }
}
