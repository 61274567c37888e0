using System.Text.Json;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.History.Changes;

/// <summary>
/// One change to a judgement with its answer's JSON already written (<see cref="Json"/>: the
/// <see cref="HistoryEndpoint.JudgementChange"/> as the API writes it), and beside it what a history read chooses
/// and groups it by. The view holds these, and a read of events the view has not applied renders them the same way,
/// through <see cref="Of"/>: one rendering, so the two cannot differ.
/// </summary>
public sealed record RenderedChange(
    long Sequence, Guid InspectionId, long Version, Guid JudgementId, Guid CaseId, string QuestionId, Answer? Previous, Answer Answer,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, ReadOnlyMemory<byte> Json)
{
    /// <summary>The options the HTTP API writes with (ASP.NET Core's web defaults; the API's own settings only read).</summary>
    public static readonly JsonSerializerOptions Options = JsonSerializerOptions.Web;

    /// <summary>The change an event makes to a judgement, rendered; null for any other event.</summary>
    public static RenderedChange? Of(IEvent e)
    {
        if (LedgerChange.Of(e) is not { } change) return null;
        var judgement = change.Change;
        return new RenderedChange(e.Sequence, e.StreamId, e.Version, judgement.JudgementId, judgement.CaseId, judgement.QuestionId,
            judgement.Previous, judgement.Answer, change.OccurredAt, e.Timestamp,
            JsonSerializer.SerializeToUtf8Bytes(HistoryEndpoint.JudgementChange.Of(change), Options));
    }

    /// <summary>Whether <paramref name="to"/> takes the change in and <paramref name="from"/> does not.</summary>
    public bool IsBetween(ResolvedPoint from, ResolvedPoint to) =>
        to.Takes(Version, OccurredAt, RecordedAt) && !from.Takes(Version, OccurredAt, RecordedAt);
}
