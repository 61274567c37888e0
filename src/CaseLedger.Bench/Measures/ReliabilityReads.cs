using System.Diagnostics;
using CaseLedger.Api.Admin;
using CaseLedger.Api.QualityAssurance;
using JasperFx.Events;
using static CaseLedger.Api.QualityAssurance.InspectionReliabilityEndpoint;
using static CaseLedger.Api.QualityAssurance.ReliabilityAcrossEndpoints;

namespace CaseLedger.Bench.Measures;

/// <summary>
/// Measure 10: inspector reliability (DESIGN.md §15) on the largest inspection and across the framework the load
/// QA'd, p50 and p99 of sequential reads. Before publication the load drew a QA sample in every inspection of that
/// framework and confirmed or moderated each sampled judgement; once the QA view has applied the whole ledger, the
/// reads must count what the load did, or the run stops. Each read is beside a raw fold of the events its answer
/// stands on, which must find the same sampled judgements: for the inspection, its whole stream (the read also sets
/// each score with QA's moderations beside the score without them); across the framework, the QA events of its
/// sampled inspections.
/// </summary>
public sealed class ReliabilityReads : IMeasure
{
    public string Name => "10. reliability reads";

    /// <summary>The sealing measure restarts the API before this one: untimed reads compile the endpoints first.</summary>
    private const int Untimed = 30;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(120);
    private const string Events = EventStoreSetup.Schema + ".mt_events";

    private static readonly string[] QaEventTypes =
        [.. new[] { typeof(QaSampleDrawn), typeof(JudgementConfirmed), typeof(JudgementModerated), typeof(JudgementRevised) }.Select(type => type.GetEventTypeName())];

    /// <summary>A timed read; its baseline answers how many sampled judgements the raw fold found.</summary>
    private sealed record Read(string Figure, PreparedRequest Request, int Sampled, string BaselineWork, Func<CancellationToken, Task<int>> Baseline, string Note);

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var (api, loaded) = (context.Api, context.RequireLoaded());
        var largest = loaded.Largest;
        var qa = largest.Qa ?? throw new BenchFailure($"The largest inspection, {largest.Id}, was not QA'd: it has no reliability to read.");
        var frameworkId = NationalDataset.QaFrameworkId;
        await QaViewCaughtUpAsync(context, cancellation);

        var inspection = (await api.ReadAsync<InspectionReliability>(api.InspectionReliability(largest.Id), cancellation)).Overall;
        if ((inspection.Sampled, inspection.Confirmed, inspection.Overturned) != (qa.Sampled, qa.Confirmations.Count, qa.Overturns.Count))
            throw new BenchFailure($"The largest inspection's reliability counts {inspection.Sampled} sampled, {inspection.Confirmed} confirmed and " +
                                   $"{inspection.Overturned} overturned; the load sampled {qa.Sampled}, confirmed {qa.Confirmations.Count} and overturned {qa.Overturns.Count}.");
        // Other inspections of the framework may hold samples too (the warm-up's, and the tests' in their shared database).
        var across = await api.ReadAsync<FrameworkReliability>(api.FrameworkReliability(frameworkId), cancellation);
        if (across.Inspections < loaded.Facts.Qa.Inspections || across.Overall.Sampled < loaded.Facts.Qa.Sampled)
            throw new BenchFailure($"The reliability across {frameworkId} counts {across.Inspections} inspections and {across.Overall.Sampled} sampled " +
                                   $"judgements; the load QA'd {loaded.Facts.Qa.Inspections} inspections and sampled {loaded.Facts.Qa.Sampled}.");

        Read[] reads =
        [
            new("inspections/{id}/reliability", api.InspectionReliability(largest.Id), inspection.Sampled,
                "the inspection's events read in order, deserialised and folded into each sampled judgement's outcome per inspector and question, " +
                "and counts per question with QA's moderations and without them",
                ct => InspectionFoldAsync(context, largest.Id, ct),
                $"inspection {largest.Id} ({largest.FrameworkId}, {largest.EventCount:N0} events): {inspection.Sampled} judgements sampled, {inspection.Overturned} overturned"),
            new("frameworks/{id}/reliability", api.FrameworkReliability(frameworkId), across.Overall.Sampled,
                "the QA events (samples, confirmations, moderations, revisions) of the framework's sampled inspections, deserialised and folded " +
                "into each sampled judgement's outcome per inspector and question",
                ct => FrameworkFoldAsync(context, frameworkId, ct),
                $"{frameworkId}: {across.Inspections:N0} inspections with QA samples, {across.Overall.Sampled:N0} judgements sampled, {across.Overall.Overturned:N0} overturned"),
        ];

        var results = new List<MeasureResult>();
        foreach (var read in reads)
        {
            for (var i = 0; i < Untimed; i++) await api.SendAsync(read.Request, cancellation);
            var found = await read.Baseline(cancellation);
            if (found != read.Sampled)
                throw new BenchFailure($"The raw fold for {read.Figure} found {found} sampled judgements; the API counts {read.Sampled}.");
            // Both baselines are heavy: a fold of the whole largest inspection, or a scan of the ledger for the samples.
            // Their share of reads keeps this measure, which came last, to seconds.
            results.AddRange(await TimedReads.BesideBaselineAsync(context, Name, read.Figure, read.Request, read.Baseline, heavy: true, read.BaselineWork,
                $"{read.Note}; {Untimed} untimed reads first", cancellation));
        }
        return results;
    }

    private static async Task<int> InspectionFoldAsync(BenchContext context, Guid inspectionId, CancellationToken cancellation)
    {
        var (qa, withModeration, withoutModeration) = (new RawQaTally(), new RawTally(), new RawTally());
        await RawScan.ReadAsync(context.Product, $"select mt_dotnet_type, data from {Events} where stream_id = $1 order by version", [inspectionId], e =>
        {
            qa.Apply(e);
            withModeration.Apply(e);
            if (e is not JudgementModerated) withoutModeration.Apply(e);
        }, cancellation);
        // The counts every figure of the read is derived from, counted as the read counts its own.
        _ = (qa.PerInspectorAndQuestion(), withModeration.PerQuestion(), withoutModeration.PerQuestion());
        return qa.Sampled;
    }

    private static async Task<int> FrameworkFoldAsync(BenchContext context, string frameworkId, CancellationToken cancellation)
    {
        var qa = new RawQaTally();
        // The sampled inspections are found by their draws, and their framework from each one's first event. The
        // planner misjudges two IN-lists (a nested loop over every event of each stream, about 25 times slower).
        await RawScan.ReadAsync(context.Product, $"""
            select e.mt_dotnet_type, e.data from {Events} e
             where e.type = any($2)
               and e.stream_id in (select drawn.stream_id from {Events} drawn
                                     join {Events} opened on opened.stream_id = drawn.stream_id and opened.version = 1
                                    where drawn.type = $3 and opened.data ->> 'frameworkId' = $1)
             order by e.seq_id
            """, [frameworkId, QaEventTypes, QaEventTypes[0]], qa.Apply, cancellation);
        _ = qa.PerInspectorAndQuestion();
        return qa.Sampled;
    }

    /// <summary>Waits until the QA view has applied the ledger's last event: the read across a framework finds its
    /// inspections among the view's stored records, and would not count one the daemon has still to store.</summary>
    private static async Task QaViewCaughtUpAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var command = context.Product.CreateCommand($"select coalesce(max(seq_id), 0) from {Events}");
        var last = (long)(await command.ExecuteScalarAsync(cancellation))!;
        var started = Stopwatch.GetTimestamp();
        long applied;
        while ((applied = await QaViewSequenceAsync(context, cancellation)) < last)
        {
            if (Stopwatch.GetElapsedTime(started) > CatchUpLimit)
                throw new BenchFailure($"The {QaRecordProjection.ViewName} view had applied events up to {applied:N0} of {last:N0} after {CatchUpLimit.TotalSeconds:0} s.");
            await Task.Delay(Poll, cancellation);
        }
    }

    private static async Task<long> QaViewSequenceAsync(BenchContext context, CancellationToken cancellation)
    {
        var status = await context.Api.ReadAsync<ProjectionStatus>(context.Api.Get("/admin/projections", "bench-auditor", Roles.Auditor), cancellation);
        return status.Views.FirstOrDefault(view => view.Name == QaRecordProjection.ViewName)?.Sequence
               ?? throw new BenchFailure($"The API's projection status lists no {QaRecordProjection.ViewName} view.");
    }
}
