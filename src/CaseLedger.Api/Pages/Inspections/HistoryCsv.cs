using CaseLedger.Api.Inspections;
using CaseLedger.Api.History;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Inspections.Judging;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>The history page as a spreadsheet: one row per change to a judgement, then one per moved score.</summary>
public static class HistoryCsv
{
    public static async Task<IResult> WriteAsync(
        Guid id, string? from, string? to, HttpContext http, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var answer = await Twin.ReadAsync<HistoryEndpoint.HistoryView>(HistoryEndpoint.Get(id, from, to, http, session, schemes, cancellation));
        if (answer.Refused) return PageResults.Problem(http, answer.Problem!);
        var history = answer.Value!;
        var header = (await session.LoadAsync<InspectionHeader>(id, cancellation))!;
        var changes = history.ChangedJudgements.SelectMany(judgement => judgement.Changes.Select(change => (IReadOnlyList<object?>)
        [
            "judgement", change.StreamVersion, judgement.CaseReference, judgement.QuestionId, change.Kind, Said(change.Previous), Answers.Name(change.Answer),
            change.By, change.Role, change.OccurredAt, change.RecordedAt, change.Week, change.Rationale ?? change.Note, string.Join(' ', change.Reasons),
            null, null, null, null, null,
        ]));
        var moved = history.MovedScores.Select(score => (IReadOnlyList<object?>)
        [
            "score", null, null, null, null, null, null, null, null, null, null, null, null, null,
            score.Kind.ToString().ToLowerInvariant(), score.Id, score.Before.Score, score.After.Score, score.Delta,
        ]);
        return Csv.Write(Csv.FileName(header.Yot.Code, header.FrameworkId, "history", from, to),
            ["row", "stream_version", "case_reference", "question_id", "change", "before", "after", "by", "role", "occurred_at", "recorded_at", "week", "why", "reasons",
             "scope_kind", "scope_id", "score_before", "score_after", "delta"],
            changes.Concat(moved));
    }

    private static string Said(Scoring.Answer? answer) => answer is { } given ? Answers.Name(given) : "";
}
