using System.Diagnostics;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Client;
using Microsoft.Extensions.Logging;

namespace CaseLedger.Demo;

/// <summary>
/// Loads the demo inspections through the HTTP API, the same commands any client sends, so the demo's ledger is
/// exactly what real use would have written. Safe to run again, and to resume after a load stopped half way: a
/// published inspection is left alone; otherwise each step is skipped when the inspection's state shows it done
/// (a case in the sample, a week closed, a judgement recorded, or already at or past the version a change would
/// make). Every id is fixed, so a request that is repeated all the same is answered as a retry, not appended.
/// </summary>
public sealed class DemoLoader(HttpClient http, string signingKey, FrameworkCatalog frameworks, ILogger logger)
{
    /// <summary>Judgements per batch request: well inside the API's 5,000 and its body limit.</summary>
    private const int BatchSize = 2000;

    private readonly DemoClient client = new(new ApiClient(http, signingKey));

    public async Task<IReadOnlyList<DemoLoadResult>> LoadAsync(IReadOnlyList<DemoInspection> inspections, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new List<DemoLoadResult>();
        foreach (var inspection in inspections)
            results.Add(await LoadAsync(inspection, cancellation));
        logger.LogInformation("Demo data ready: {Loaded} inspections loaded, {Present} already present, in {ElapsedMs} ms",
            results.Count(result => result.Loaded), results.Count(result => !result.Loaded), Elapsed(started));
        return results;
    }

    public async Task<DemoLoadResult> LoadAsync(DemoInspection inspection, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var lead = new Actor(inspection.Lead, Roles.LeadInspector);
        var framework = frameworks.Latest(inspection.FrameworkId)
            ?? throw new InvalidOperationException($"Demo '{inspection.Key}' needs framework {inspection.FrameworkId}, which is not loaded.");

        var summary = await client.FindInspection(inspection.Id, lead, cancellation);
        if (summary?.State == InspectionStates.Published)
        {
            logger.LogInformation("Demo inspection {Demo} (seed {Seed}) already present, {State}: {InspectionId}",
                inspection.Key, inspection.Seed, summary.State, inspection.Id);
            return new DemoLoadResult(inspection.Key, inspection.Id, Loaded: false);
        }

        var script = DemoScripts.Build(inspection, framework);
        var resumed = summary is not null;
        // The register names the YOT; an inspection only points at it. Registering again what it holds changes nothing.
        await client.RegisterYot(inspection, Step(inspection, "register-yot"), cancellation);
        if (summary is null)
            await client.Open(inspection, framework.Version, Step(inspection, "open"), cancellation);

        var sampled = summary?.Sample.Select(@case => @case.Id).ToHashSet() ?? [];
        foreach (var @case in script.Cases.Where(@case => !sampled.Contains(@case.Id)))
            await client.AddCase(inspection, @case, Step(inspection, "sample"), cancellation);

        for (var week = 1; week <= inspection.FieldworkWeeks.Count; week++)
        {
            if (summary?.ClosedWeeks.Contains(week) == true) continue;
            if (summary?.OpenWeek != week)
                await client.OpenWeek(inspection, week, Step(inspection, $"week-{week}-open"), cancellation);
            await RecordAsync(script, week, cancellation);
            await ChangeAsync(script, week, cancellation);
            await client.CloseWeek(inspection, week, Step(inspection, $"week-{week}-close"), cancellation);
        }

        if (inspection.QualityAssurance is { } qa) await DrawAsync(script, qa, cancellation);
        await ChangeAsync(script, week: null, cancellation);
        if (inspection.QualityAssurance is not null) await ConfirmAsync(script, cancellation);
        // The evidence standards' ratings and the overrides; each sent again on a resumed load is answered as done.
        foreach (var rating in inspection.Ratings ?? []) await client.Rate(inspection, rating, Step(inspection, "ratings"), cancellation);
        foreach (var departure in inspection.Overrides ?? []) await client.Override(inspection, departure, Step(inspection, "overrides"), cancellation);
        await client.Publish(inspection, Step(inspection, "publish"), cancellation);

        logger.LogInformation(
            "Demo inspection {Demo} (seed {Seed}, {FrameworkId}) {Outcome}: {Cases} cases, {Judgements} judgements, " +
            "{Revisions} revisions, {Moderations} moderations, {QaSampled} sampled for QA over {Weeks} fieldwork weeks, published, in {ElapsedMs} ms: {InspectionId}",
            inspection.Key, inspection.Seed, inspection.FrameworkId, resumed ? "loaded, resuming an interrupted load" : "loaded",
            script.Cases.Count, script.Judgements.Count,
            script.Revisions, script.Moderations, script.QaSample.Count, inspection.FieldworkWeeks.Count, Elapsed(started), inspection.Id);
        return new DemoLoadResult(inspection.Key, inspection.Id, Loaded: true);
    }

    /// <summary>
    /// Each member records the judgements on the cases they examined that week, in batches. Judgements already in
    /// the ledger are left out rather than sent again: one revised since would no longer match its first content.
    /// </summary>
    private async Task RecordAsync(DemoScript script, int week, CancellationToken cancellation)
    {
        var lead = new Actor(script.Inspection.Lead, Roles.LeadInspector);
        var recorded = await client.JudgementVersions(script.Id, lead, cancellation);
        var toRecord = script.RecordedIn(week).Where(judgement => !recorded.ContainsKey(judgement.Id));
        foreach (var byMember in toRecord.GroupBy(judgement => judgement.RecordedBy))
        {
            var actor = ActorFor(script.Inspection, byMember.Key);
            foreach (var (chunk, index) in byMember.Chunk(BatchSize).Select((chunk, index) => (chunk, index)))
                await client.Record(script.Inspection, actor, chunk, Step(script.Inspection, $"week-{week}-record-{byMember.Key}-{index + 1}"), cancellation);
        }
    }

    /// <summary>The week's revisions and moderations, each stating the version it expects; one already made is skipped.</summary>
    private async Task ChangeAsync(DemoScript script, int? week, CancellationToken cancellation)
    {
        var changes = script.ChangesIn(week).ToList();
        if (changes.Count == 0) return;
        var lead = new Actor(script.Inspection.Lead, Roles.LeadInspector);
        var versions = (await client.JudgementVersions(script.Id, lead, cancellation)).ToDictionary();
        var phase = week is { } number ? $"week-{number}" : "quality-assurance";

        foreach (var (judgement, change, expected) in changes)
        {
            var current = versions.GetValueOrDefault(judgement.Id);
            if (current > expected) continue;
            if (current < expected)
                throw new DemoLoadException(
                    $"Demo '{script.Inspection.Key}': judgement {judgement.Id} is at version {current}, but its next change expects {expected}.");
            var kind = change.IsModeration ? "moderations" : "revisions";
            await client.Change(script.Inspection, judgement.Id, ActorFor(script.Inspection, change.By), change, expected,
                Step(script.Inspection, $"{phase}-{kind}"), cancellation);
            versions[judgement.Id] = expected + 1;
        }
    }

    /// <summary>The lead draws the QA sample; the API must draw exactly the one the script worked out from the seed.</summary>
    private async Task DrawAsync(DemoScript script, QaPlan qa, CancellationToken cancellation)
    {
        var drawn = await client.DrawQaSample(script.Inspection, qa, Step(script.Inspection, "qa-sample"), cancellation);
        if (!drawn.Items.Select(item => item.JudgementId).SequenceEqual(script.QaSample))
            throw new DemoLoadException(
                $"Demo '{script.Inspection.Key}': the API drew {drawn.Items.Count} judgements for QA, not the {script.QaSample.Count} the script drew from seed {qa.Seed}.");
    }

    /// <summary>Every sampled judgement QA did not overturn is confirmed at the version it ends with. A confirmation
    /// made already is answered as done.</summary>
    private async Task ConfirmAsync(DemoScript script, CancellationToken cancellation)
    {
        foreach (var (judgement, version) in script.Confirmations())
            await client.Confirm(script.Inspection, judgement.Id, version, Step(script.Inspection, "qa-confirmations"), cancellation);
    }

    /// <summary>The lead acts as lead inspector; every other team member, local assessors included, as an inspector.</summary>
    private static Actor ActorFor(DemoInspection inspection, string userId) =>
        new(userId, userId == inspection.Lead ? Roles.LeadInspector : Roles.Inspector);

    private static string Step(DemoInspection inspection, string step) => $"demo-{inspection.Key}-{step}";

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

public sealed record DemoLoadResult(string Key, Guid InspectionId, bool Loaded);
