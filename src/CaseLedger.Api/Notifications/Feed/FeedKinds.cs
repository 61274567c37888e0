using System.Text.RegularExpressions;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Yots;

namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// What the feed calls each event, and the view a reader follows to see what it changed. The three notices a
/// reporting client hears of keep <see cref="NoticeKinds"/>' names for every reader, so one entry reads the same to
/// an auditor and to a client; every other event is named after what happened, in the inspector's words.
/// </summary>
public static partial class FeedKinds
{
    public const string InspectionOpened = "inspection.opened";

    /// <summary>The kind of an event. A type added later without a name here still gets a readable one
    /// (<c>ThemeRatingRecorded</c> → <c>theme.rating.recorded</c>) rather than stalling the feed.</summary>
    public static string Of(object data) => NoticeKinds.Of(data) ?? data switch
    {
        Inspections.InspectionOpened => InspectionOpened,
        CaseAddedToSample => "case.added",
        CaseRemovedFromSample => "case.removed",
        FieldworkWeekOpened => "week.opened",
        FieldworkWeekClosed => "week.closed",
        JudgementRecorded => "judgement.recorded",
        JudgementRevised => "judgement.revised",
        JudgementModerated => "judgement.moderated",
        _ => Dotted(data.GetType().Name),
    };

    /// <summary>Where the change shows: a publication or correction in the inspection's scores, a register change in
    /// the YOT's view, an opening in the inspection itself, and any other event in the audit log from that event on.</summary>
    public static string Link(string kind, Guid? inspectionId, string yot, long streamVersion) => (kind, inspectionId) switch
    {
        (NoticeKinds.YotChanged, _) or (_, null) => $"/yots/{yot}",
        (NoticeKinds.InspectionPublished or NoticeKinds.JudgementCorrected, { } id) => $"/inspections/{id}/scores",
        (InspectionOpened, { } id) => $"/inspections/{id}",
        (_, { } id) => $"/inspections/{id}/events?after={streamVersion - 1}",
    };

    private static string Dotted(string typeName) => Words().Replace(typeName, ".$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
