using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;

namespace CaseLedger.Api.History;

/// <summary>
/// One change to a judgement as the ledger holds it: the event's shared judgement shape, with what only one kind
/// of change carries (a note, a rationale) and who made it, in which role, week and request.
/// </summary>
public sealed record LedgerChange(IEvent Event, IJudgementChange Change)
{
    public static LedgerChange? Of(IEvent e) => e.Data is IJudgementChange change ? new LedgerChange(e, change) : null;

    public string Kind => Change switch
    {
        JudgementRevised => "revised",
        JudgementModerated => "moderated",
        PublishedJudgementCorrected => "corrected",
        _ => "recorded",
    };

    public string? Note => (Change as JudgementRecorded)?.Note ?? (Change as JudgementRevised)?.Note;

    public string? Rationale => (Change as JudgementModerated)?.Rationale ?? (Change as PublishedJudgementCorrected)?.Rationale;

    public string? Role => EventMetadata.Role(Event);

    public int? Week => EventMetadata.Week(Event);

    /// <summary>When the change happened in the inspection (valid time); <see cref="IEvent.Timestamp"/> is when it was recorded.</summary>
    public DateTimeOffset OccurredAt => EventMetadata.OccurredAt(Event);
}
