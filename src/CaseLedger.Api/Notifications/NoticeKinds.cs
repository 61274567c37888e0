using CaseLedger.Api.Inspections;
using CaseLedger.Api.Yots;

namespace CaseLedger.Api.Notifications;

/// <summary>
/// What a reporting client may hear about (DESIGN §13): a publication, a correction of a published figure, a change
/// to the YOT register. The feed shows reporting clients these and nothing else; a subscription chooses among them.
/// </summary>
public static class NoticeKinds
{
    public const string InspectionPublished = "inspection.published";
    public const string JudgementCorrected = "judgement.corrected";
    public const string YotChanged = "yot.changed";

    public static readonly IReadOnlyList<string> All = [InspectionPublished, JudgementCorrected, YotChanged];

    /// <summary>The notice an event gives, or null for one a reporting client never hears of. The event types are
    /// named in full: inside this class a bare <c>InspectionPublished</c> is the constant, and as a pattern it would
    /// match the string, never the event.</summary>
    public static string? Of(object data) => data switch
    {
        Inspections.InspectionPublished => InspectionPublished,
        PublishedJudgementCorrected => JudgementCorrected,
        YotRegistered or Yots.YotChanged => YotChanged,
        _ => null,
    };
}
