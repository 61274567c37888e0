using CaseLedger.Api.Inspections;
using CaseLedger.Api.Scores;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// Who reads quality assurance. Within an inspection's reach, its lead and auditors read all of it. A team
/// inspector reads only the figures on their own judgements (<see cref="QaSight.Own"/>). Reporting clients never
/// reach any of it (the routes' roles). Outside reach, the inspection does not exist.
/// </summary>
public static class QaAccess
{
    public static QaSight SightOf(InspectionHeader header, Actor actor) =>
        InspectionRules.Reachable(header, actor) is not null ? QaSight.None
        : actor.Role == Roles.Auditor || (actor.Role == Roles.LeadInspector && header.Lead == actor.UserId) ? QaSight.Whole
        : QaSight.Own;

    /// <summary>An inspection's QA record for a reader who may see all of it (the samples, whose items name every
    /// inspector); the refusal for anyone else.</summary>
    public static async Task<(QaRecord? Record, Rejection? Refusal)> LoadAsync(
        Guid id, Actor actor, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var (header, record, sight) = await LoadWithSightAsync(id, actor, session, schemes, cancellation);
        return sight switch
        {
            QaSight.None => (null, InspectionRules.NotFound(id)),
            QaSight.Own => (null, Rejection.Forbidden("Only this inspection's lead inspector and auditors read its QA samples.")),
            _ => (record ?? Empty(header!), null),
        };
    }

    public static async Task<(InspectionHeader? Header, QaRecord? Record, QaSight Sight)> LoadWithSightAsync(
        Guid id, Actor actor, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(id, cancellation);
        if (header is null || SightOf(header, actor) is QaSight.None) return (null, null, QaSight.None);
        var record = await QaRecordProjection.CaughtUpAsync(id, session, schemes, cancellation);
        return (header, record ?? Empty(header), SightOf(header, actor));
    }

    private static QaRecord Empty(InspectionHeader header) => new()
    {
        Id = header.Id, FrameworkId = header.FrameworkId, FrameworkVersion = header.FrameworkVersion, Lead = header.Lead,
        YotCode = header.Yot.Code, Title = header.Title,
    };
}

public enum QaSight
{
    None,
    Own,
    Whole,
}
