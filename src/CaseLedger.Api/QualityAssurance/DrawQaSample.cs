using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>What the lead asks for: <c>k</c> judgements per inspector, a share of each inspector's, or the larger of
/// the two, optionally from one week's answers. The seed is generated when absent. An id makes a retry safe.</summary>
public sealed record DrawQaSample(Guid? Id, int? PerInspector, decimal? Share, long? Seed, int? Week, string? OccurredAt = null);

/// <summary>
/// The decision to draw a QA sample. It is pure, given the ledger's version and the current judgements at that
/// version. The commit expects exactly that version (<see cref="Decision{TState}.ExpectedStreamVersion"/>): a write
/// landing in between refuses it, and it is decided again. So the recorded version is always the one the draw saw,
/// and replaying the ledger to that version draws the same judgements.
/// </summary>
public static class QaSampleDecision
{
    public const int MaxPerInspector = 500;

    public static Decision<QaSampleRecord> Decide(
        InspectionHeader header, Actor actor, DrawQaSample? command, QaSampling sampling, IReadOnlyList<CurrentJudgement> judgements,
        long streamVersion, Guid newId, long newSeed, WriteClock clock)
    {
        if ((InspectionRules.LeadOnly(header, actor, "draw QA samples") ?? InspectionRules.Writable(header)) is { } refused)
            return refused;
        if (command is null) return Rejection.MissingBody();

        var errors = new FieldErrors();
        errors.Require(command.PerInspector is null or (>= 1 and <= MaxPerInspector), "perInspector", $"must be between 1 and {MaxPerInspector}.");
        errors.Require(command.Share is null or (> 0 and <= 1), "share", "must be more than 0 and at most 1: the share of each inspector's judgements to draw.");
        errors.Require(command.Seed is null or (>= 0 and <= QaDraw.MaxSeed), "seed", $"must be a whole number from 0 to {QaDraw.MaxSeed}.");
        errors.Require(command.Week is null || header.PlannedWeeks.Any(week => week.Number == command.Week), "week",
            $"must be one of the inspection's fieldwork weeks, 1 to {header.PlannedWeeks.Count}.");
        var occurredAt = ValidTimes.Parse(errors, ValidTimes.Field, command.OccurredAt);
        ValidTimes.Check(errors, ValidTimes.Field, occurredAt, ValidTimes.ForHeader(header, clock));
        if (errors.ToRejection() is { } invalid) return invalid;

        var id = command.Id ?? newId;
        if (sampling.Samples.FirstOrDefault(sample => sample.SampleId == id) is { } existing)
            return SameRequest(existing, command)
                ? Decision<QaSampleRecord>.Unchanged(QaSampleRecord.From(existing, 0, null, default, header.CaseReferences()))
                : Rejection.Conflict("A different QA sample already has this id; choose another id or leave it out.");

        var seed = command.Seed ?? newSeed;
        var byId = judgements.ToDictionary(judgement => judgement.Id);
        var drawn = QaDraw.Draw(seed, Eligible(header, sampling, judgements, command.Week), command.PerInspector, command.Share);
        if (drawn.Count == 0)
            return Rejection.Conflict("There is nothing to draw.",
                "A QA sample takes current judgements by inspectors other than the lead that are not moderated and not already sampled"
                + (command.Week is { } week ? $", answered in week {week}." : "."));

        var @event = new QaSampleDrawn(id, seed, command.PerInspector, command.Share, command.Week, streamVersion, [
            .. drawn.Select(candidate => byId[candidate.JudgementId]).Select(judgement => new QaSampleItem(
                judgement.Id, judgement.CaseId, judgement.QuestionId, judgement.LastChangedBy, judgement.Week, judgement.Answer, judgement.Version)),
        ]);
        var updated = sampling.With(@event);
        return new Decision<QaSampleRecord>
        {
            Events = [@event],
            Writes = [sampling.Version == 0 ? DocumentWrite.Insert(updated with { Version = 1 }) : DocumentWrite.Revise(updated, sampling.Version + 1)],
            State = QaSampleRecord.From(@event, streamVersion + 1, actor.UserId, occurredAt ?? clock.Now, header.CaseReferences()),
            Week = header.OpenWeek,
            ExpectedStreamVersion = streamVersion,
        }.HappenedAt(occurredAt);
    }

    /// <summary>
    /// The judgements a draw may take, as the ledger gives them at the version drawn on: the current answer is by an
    /// inspector other than the lead (QA is not self-review), it has not been moderated (QA has already spoken) or
    /// corrected, it was given in <paramref name="week"/> when one is named, and it is in no earlier sample.
    /// </summary>
    public static IEnumerable<QaDraw.Candidate> Eligible(InspectionHeader header, QaSampling sampling, IEnumerable<CurrentJudgement> judgements, int? week) =>
        judgements
            .Where(judgement => !judgement.Moderated && !judgement.Corrected && judgement.LastChangedBy != header.Lead
                && (week is null || judgement.Week == week) && !sampling.Marks.ContainsKey(judgement.Id))
            .Select(judgement => new QaDraw.Candidate(judgement.Id, judgement.LastChangedBy));

    private static bool SameRequest(QaSampleDrawn existing, DrawQaSample command) =>
        existing.PerInspector == command.PerInspector && existing.Share == command.Share && existing.Week == command.Week
        && (command.Seed is null || command.Seed == existing.Seed);

    private static IReadOnlyDictionary<Guid, string> CaseReferences(this InspectionHeader header) =>
        header.Sample.ToDictionary(@case => @case.Id, @case => @case.Reference);
}
