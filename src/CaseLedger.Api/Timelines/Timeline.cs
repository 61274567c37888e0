using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Reading;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// A view across inspections kept as a projection of its own (issue 21): every inspection it covers, with the
/// figures each published and each correction after publication moved, so a read now or at any moment costs one
/// document however large the ledger grows. What was published does not change, so the only figures a moment needs
/// that a timeline does not hold are those of inspections still open then, which only their team and auditors see
/// (<see cref="TimelineMoment"/>).
/// </summary>
public abstract class Timeline<TFigures>
{
    /// <summary>The YOT's code, or <c>{frameworkId}/{themeId}</c>.</summary>
    public string Id { get; set; } = "";

    public List<TimelineInspection<TFigures>> Inspections { get; set; } = [];

    public TimelineInspection<TFigures>? Find(Guid inspectionId) => Inspections.FirstOrDefault(inspection => inspection.Id == inspectionId);
}

/// <summary>
/// One inspection in a timeline: what its opening said, and a point for its publication and for each correction
/// after it, in ledger order.
/// </summary>
public sealed class TimelineInspection<TFigures>
{
    public Guid Id { get; set; }
    public string FrameworkId { get; set; } = "";
    public int FrameworkVersion { get; set; }
    public string Title { get; set; } = "";
    public YotReference Yot { get; set; } = new("", "", "");
    public List<string> Team { get; set; } = [];
    public DateOnly? FieldworkStartsOn { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset OpenedRecordedAt { get; set; }
    public List<TimelinePoint<TFigures>> Points { get; set; } = [];

    /// <summary>The publication, once there is one: always the first point.</summary>
    public TimelinePoint<TFigures>? Publication => Points.Count == 0 ? null : Points[0];

    public bool IsPublished => Points.Count > 0;

    /// <summary>Who may see it, by the one rule every read asks, from the ledger's facts as of the timeline.</summary>
    public Sight SightFor(Actor actor) => Reach.Of(actor, IsPublished, Team.Contains(actor.UserId));

    /// <summary>Fieldwork, then the opening's valid time, then when it was recorded, then the id: the same order as
    /// the per-inspection views, so "latest" is the same live and after a rebuild.</summary>
    public (DateOnly, DateTimeOffset, DateTimeOffset, Guid) Chronology =>
        (FieldworkStartsOn ?? DateOnly.FromDateTime(OpenedAt.UtcDateTime), OpenedAt, OpenedRecordedAt, Id);
}

/// <summary>
/// The figures right after the event at <see cref="Version"/> (the publication or a correction), with that event's
/// own times and the latest times of every event up to it (<see cref="CoversOccurredTo"/>,
/// <see cref="CoversRecordedTo"/>): a moment at or after both takes in everything these figures count.
/// </summary>
public sealed record TimelinePoint<TFigures>(
    long Version, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, DateTimeOffset CoversOccurredTo, DateTimeOffset CoversRecordedTo,
    TFigures Figures);
