using System.Collections.Concurrent;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Scoring;
using Npgsql;
using NpgsqlTypes;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// The raw side of a notice: an event row inserted with a <c>pg_notify</c> in the same statement (so in the same
/// transaction, and sent by PostgreSQL only once it commits), heard by a connection that LISTENs. No trigger, no
/// table of pending notices, no retry: the fastest way PostgreSQL itself tells another session of a commit.
/// </summary>
public sealed class RawNotices : IAsyncDisposable
{
    public const string Channel = "caseledger_bench_notice";

    private readonly NpgsqlConnection listener;
    private readonly ConcurrentDictionary<string, DateTimeOffset> arrivals = new();
    private readonly CancellationTokenSource stop = new();
    private Task listening = Task.CompletedTask;

    private RawNotices(NpgsqlConnection listener) => this.listener = listener;

    /// <summary>When the notification for <paramref name="payload"/> was heard, on the wall clock the row's recorded time is on.</summary>
    public DateTimeOffset? ArrivalOf(string payload) => arrivals.TryGetValue(payload, out var at) ? at : null;

    public static async Task<RawNotices> ListenAsync(NpgsqlDataSource data, CancellationToken cancellation)
    {
        var notices = new RawNotices(await data.OpenConnectionAsync(cancellation));
        notices.listener.Notification += (_, e) => notices.arrivals.TryAdd(e.Payload, DateTimeOffset.UtcNow);
        await using (var listen = new NpgsqlCommand($"listen {Channel}", notices.listener))
            await listen.ExecuteNonQueryAsync(cancellation);
        notices.listening = Task.Run(notices.WaitAsync, CancellationToken.None);
        return notices;
    }

    private async Task WaitAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested) await listener.WaitAsync(stop.Token);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>A published judgement's correction as the product appends it, for the raw write to carry the same bytes.</summary>
    public static RawEvent Correction(Guid streamId, long version, PlannedChange change, Answer previous, string lead) =>
        new(Guid.CreateVersion7(), streamId, version, "published_judgement_corrected",
            $"{typeof(PublishedJudgementCorrected).FullName}, {typeof(PublishedJudgementCorrected).Assembly.GetName().Name}",
            EventJson.Serialise(new PublishedJudgementCorrected(change.JudgementId, change.CaseId, change.QuestionId, previous,
                Answers.Parse(change.Answer)!.Value, change.Reasons, change.Text, change.ExpectedVersion + 1)),
            lead, Guid.NewGuid().ToString("N"), EventJson.Headers(Roles.LeadInspector, 1));

    /// <summary>Inserts the event and notifies <paramref name="payload"/>, in one autocommitted statement; returns
    /// the row's recorded time (its transaction's start, as the product's events record theirs).</summary>
    public static async Task<DateTimeOffset> WriteAsync(RawStore raw, RawEvent e, string payload, CancellationToken cancellation)
    {
        await using var command = raw.Data.CreateCommand($"""
            with inserted as (
              insert into {raw.Schema}.events (id, stream_id, version, type, dotnet_type, data, user_name, correlation_id, headers)
              values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning timestamp)
            select timestamp, pg_notify('{Channel}', $10) from inserted
            """);
        foreach (var value in new object[] { e.Id, e.StreamId, e.Version, e.Type, e.DotnetType })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Data, NpgsqlDbType = NpgsqlDbType.Jsonb });
        foreach (var value in new object[] { e.UserName, e.CorrelationId })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Headers, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        return await command.ExecuteScalarAsync(cancellation) is DateTime recorded
            ? new DateTimeOffset(DateTime.SpecifyKind(recorded, DateTimeKind.Utc))
            : throw new BenchFailure("The raw notice's row was not inserted.");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await listening;
        await listener.DisposeAsync();
        stop.Dispose();
    }
}
