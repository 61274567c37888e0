using CaseLedger.Api.Inspections.Reading;

namespace CaseLedger.Api.Inspections;

/// <summary>The checks that open most decisions on an inspection, worded once.</summary>
public static class InspectionRules
{
    public static Rejection NotFound(Guid inspectionId) =>
        Rejection.NotFound("No such inspection.", $"There is no inspection {inspectionId} within your reach.");

    public static Rejection? Writable(InspectionHeader header) =>
        header.IsPublished ? Rejection.Conflict("The inspection is published; its ledger is closed to writes.") : null;

    /// <summary>
    /// Case-level reads: an inspection is within reach of its own team and of auditors (<see cref="Sight.Whole"/>).
    /// To anyone else it does not exist: a 404, so that its existence does not leak.
    /// </summary>
    public static Rejection? Reachable(InspectionHeader header, Actor actor) =>
        actor.SightOf(header) == Sight.Whole ? null : NotFound(header.Id);

    /// <summary>Writes: the team only (auditors read everything and write nothing).</summary>
    public static Rejection? TeamOnly(InspectionHeader header, Actor actor) =>
        header.IsOnTeam(actor.UserId) && actor.Role is Roles.Inspector or Roles.LeadInspector ? null : NotFound(header.Id);

    public static Rejection? LeadOnly(InspectionHeader header, Actor actor, string what) =>
        TeamOnly(header, actor)
        ?? (header.Lead == actor.UserId && actor.Role == Roles.LeadInspector
            ? null
            : Rejection.Forbidden($"Only this inspection's lead inspector may {what}."));

    public static Rejection? WeekOpen(InspectionHeader header) =>
        header.OpenWeek is null
            ? Rejection.Conflict("No fieldwork week is open.", "Judgements are recorded and revised during an open fieldwork week; the lead inspector opens one.")
            : null;
}
