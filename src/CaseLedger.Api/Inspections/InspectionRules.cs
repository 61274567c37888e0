using CaseLedger.Api.Infrastructure;

namespace CaseLedger.Api.Inspections;

/// <summary>The checks that open most decisions on an inspection, worded once.</summary>
public static class InspectionRules
{
    public static Rejection NotFound(Guid inspectionId) =>
        Rejection.NotFound("No such inspection.", $"There is no inspection {inspectionId} within your reach.");

    public static Rejection? Writable(InspectionHeader header) =>
        header.IsPublished ? Rejection.Conflict("The inspection is published; its ledger is closed to writes.") : null;

    public static Rejection? LeadOnly(InspectionHeader header, Actor actor, string what) =>
        header.Lead == actor.UserId ? null : Rejection.Forbidden($"Only this inspection's lead inspector may {what}.");

    public static Rejection? TeamOnly(InspectionHeader header, Actor actor) =>
        header.IsOnTeam(actor.UserId) ? null : Rejection.Forbidden("Only members of this inspection's team may record or revise judgements.");

    public static Rejection? WeekOpen(InspectionHeader header) =>
        header.OpenWeek is null
            ? Rejection.Conflict("No fieldwork week is open.", "Judgements are recorded and revised during an open fieldwork week; the lead inspector opens one.")
            : null;
}
