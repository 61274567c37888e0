using CaseLedger.Api.Inspections.Reading;

namespace CaseLedger.Api.Inspections;

/// <summary>
/// One inspection as <c>GET /inspections/{id}</c> shows it, with the ledger's stream version. <c>openedAt</c> and
/// <c>publishedAt</c> are valid times, when it happened; each <c>…RecordedAt</c> twin is when the ledger recorded it
/// (null in the answer to the opening itself, which is given before the commit's timestamp is read back).
/// </summary>
public sealed record InspectionSummary(
    Guid Id,
    string FrameworkId,
    int FrameworkVersion,
    YotReference Yot,
    string Title,
    string State,
    IReadOnlyList<PlannedWeek> FieldworkWeeks,
    int? OpenWeek,
    IReadOnlyList<int> ClosedWeeks,
    IReadOnlyList<TeamMember> Team,
    IReadOnlyList<SampledCase> Sample,
    DateTimeOffset OpenedAt,
    DateTimeOffset? OpenedRecordedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? PublishedRecordedAt,
    long StreamVersion)
{
    public static InspectionSummary From(InspectionHeader header, long version, Milestones? milestones) => new(
        header.Id, header.FrameworkId, header.FrameworkVersion, header.Yot, header.Title, header.State,
        header.PlannedWeeks, header.OpenWeek, header.ClosedWeeks, header.Team, header.Sample,
        milestones?.OpenedAt ?? header.OpenedAt, milestones?.OpenedRecordedAt,
        milestones?.PublishedAt ?? header.PublishedAt, milestones?.PublishedRecordedAt, version);
}
