using JasperFx;

namespace CaseLedger.Api.Inspections;

/// <summary>
/// What a command needs to know about an inspection: lifecycle, weeks, team and sample — never its judgements.
/// An inspection's stream grows to tens of thousands of events; this stays a few kilobytes, so a decision reads
/// it cheaply, and inspectors recording different judgements never contend for it (only header changes bump
/// its revision).
/// </summary>
public sealed record InspectionHeader : IRevisioned
{
    public required Guid Id { get; init; }
    public required string FrameworkId { get; init; }
    public required int FrameworkVersion { get; init; }
    public required YotReference Yot { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<PlannedWeek> PlannedWeeks { get; init; }
    public required IReadOnlyList<TeamMember> Team { get; init; }
    public string State { get; init; } = InspectionStates.Open;
    public int? OpenWeek { get; init; }
    public IReadOnlyList<int> ClosedWeeks { get; init; } = [];
    public IReadOnlyList<SampledCase> Sample { get; init; } = [];
    /// <summary>When the inspection opened, in valid time (DESIGN §11).</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it was published, in valid time.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The valid time of the header's latest event: the next may not come before it.</summary>
    public DateTimeOffset LastOccurredAt { get; init; }

    /// <summary>Marten's numeric revision: header writers that race are caught at commit.</summary>
    public int Version { get; set; }

    public bool IsPublished => State == InspectionStates.Published;

    public string Lead => Team.First(member => member.Role == TeamRoles.LeadInspector).UserId;

    public bool IsOnTeam(string userId) => Team.Any(member => member.UserId == userId);

    public SampledCase? FindCase(Guid caseId) => Sample.FirstOrDefault(@case => @case.Id == caseId);

    public static InspectionHeader Start(InspectionOpened opened, DateTimeOffset at) => new()
    {
        Id = opened.InspectionId,
        FrameworkId = opened.FrameworkId,
        FrameworkVersion = opened.FrameworkVersion,
        Yot = opened.Yot,
        Title = opened.Title,
        PlannedWeeks = opened.FieldworkWeeks,
        Team = opened.Team,
        OpenedAt = at,
        LastOccurredAt = at,
    };

    /// <summary>The header after <paramref name="event"/>, which happened at <paramref name="at"/> (valid time).</summary>
    public InspectionHeader Apply(object @event, DateTimeOffset at) => (@event switch
    {
        CaseAddedToSample added => this with { Sample = [.. Sample, added.Case] },
        CaseRemovedFromSample removed => this with { Sample = [.. Sample.Where(@case => @case.Id != removed.CaseId)] },
        FieldworkWeekOpened opened => this with { OpenWeek = opened.Number },
        FieldworkWeekClosed closed => this with { OpenWeek = null, ClosedWeeks = [.. ClosedWeeks, closed.Number] },
        InspectionPublished => this with { State = InspectionStates.Published, PublishedAt = at },
        _ => this,
    }) with { LastOccurredAt = at > LastOccurredAt ? at : LastOccurredAt };
}

public static class InspectionStates
{
    public const string Open = "open";
    public const string Published = "published";
}

public static class TeamRoles
{
    public const string LeadInspector = "lead-inspector";
    public const string Inspector = "inspector";
    public const string LocalAssessor = "local-assessor";

    public static readonly IReadOnlyList<string> All = [LeadInspector, Inspector, LocalAssessor];
}
