namespace CaseLedger.Api.Inspections;

/// <summary>One inspection as <c>GET /inspections/{id}</c> shows it, with the ledger's stream version.</summary>
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
    DateTimeOffset? PublishedAt,
    long StreamVersion)
{
    public static InspectionSummary From(InspectionHeader header, long version) => new(
        header.Id, header.FrameworkId, header.FrameworkVersion, header.Yot, header.Title, header.State,
        header.PlannedWeeks, header.OpenWeek, header.ClosedWeeks, header.Team, header.Sample,
        header.OpenedAt, header.PublishedAt, version);
}
