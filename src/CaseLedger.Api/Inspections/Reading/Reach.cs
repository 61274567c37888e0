using CaseLedger.Api.Scores;

namespace CaseLedger.Api.Inspections.Reading;

/// <summary>How much of one inspection a caller may see.</summary>
public enum Sight
{
    /// <summary>Nothing: to this caller the inspection does not exist (a 404).</summary>
    None,

    /// <summary>The published record only: the inspection once published, and no moment before its publication.</summary>
    Published,

    /// <summary>Everything, at every moment: its team and auditors.</summary>
    Whole,
}

/// <summary>
/// The one rule of who sees which inspection, decided from the ledger's own facts (published or not, who is on the
/// team). Every read asks it: case-level reads need <see cref="Sight.Whole"/>; scores and the views across
/// inspections show a <see cref="Sight.Published"/> caller only what was published, so a figure from before
/// publication is answered exactly as an inspection outside the caller's reach would be.
/// </summary>
public static class Reach
{
    public static Sight Of(Actor actor, bool published, bool onTeam) =>
        actor.IsAuditor || (onTeam && actor.Role is Roles.Inspector or Roles.LeadInspector) ? Sight.Whole
        : published && actor.Role is Roles.ReportingClient or Roles.Inspector or Roles.LeadInspector ? Sight.Published
        : Sight.None;

    public static Sight SightOf(this Actor actor, InspectionHeader header) =>
        Of(actor, header.IsPublished, header.IsOnTeam(actor.UserId));

    /// <summary>Whether a caller with this sight may see the inspection as it stood at <paramref name="point"/>:
    /// the published record takes in the publication, in both times.</summary>
    public static bool MaySee(this Sight sight, ResolvedPoint point, InspectionScores scores) => sight switch
    {
        Sight.Whole => true,
        Sight.Published => scores.IsPublishedAt(point),
        _ => false,
    };
}
