using Microsoft.AspNetCore.Authorization;
using System.Text.Json;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Inspections.Judging;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseLedger.Api.Inspections.Reading;

/// <summary>
/// Every change to one judgement, read from the ledger itself (not from the current-judgement document): kind,
/// answer, reasons, note or rationale, who in which role, when, in which week and request.
/// </summary>
public static class JudgementHistory
{
    public sealed record Change(
        long StreamVersion, string Kind, int Version, string Answer, IReadOnlyList<string> Reasons, string? Note,
        string? Rationale, string? By, string? Role, DateTimeOffset At, int? Week, string? CorrelationId);

    public sealed record HistoryOfJudgement(Guid JudgementId, Guid InspectionId, IReadOnlyList<Change> Changes);

    [Authorize(Roles = Roles.InspectionReaders)]
    [WolverineGet("/inspections/{id}/judgements/{judgementId}/history", OperationId = "GetJudgementHistory")]
    [ProducesResponseType<HistoryOfJudgement>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, Guid judgementId, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        if (await InspectionReach.CheckAsync(id, http, session, cancellation) is { } hidden) return hidden.ToResult();
        var judgement = await session.LoadAsync<CurrentJudgement>(judgementId, cancellation);
        if (judgement is null || judgement.InspectionId != id)
            return Rejection.NotFound($"Judgement {judgementId} is not in inspection {id}.").ToResult();

        // The stream is read through its (stream_id, version) index; only this judgement's events are decoded.
        var sql = $"""
            select version, type, data, user_name, headers, timestamp, correlation_id
              from {EventStoreSetup.Schema}.mt_events
             where stream_id = @stream and data ->> 'judgementId' = @judgement
             order by version
            """;
        await using var connection = (NpgsqlConnection)session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("stream", id);
        command.Parameters.AddWithValue("judgement", judgementId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellation);

        var changes = new List<Change>();
        while (await reader.ReadAsync(cancellation))
        {
            using var data = JsonDocument.Parse(reader.GetString(2));
            var (role, week) = EventMetadata.FromHeadersJson(reader.IsDBNull(4) ? null : reader.GetString(4));
            var body = data.RootElement;
            changes.Add(new Change(
                reader.GetInt64(0),
                KindOf(reader.GetString(1)),
                body.TryGetProperty("version", out var version) ? version.GetInt32() : 1,
                body.GetProperty("answer").GetString()!,
                body.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).ToList(),
                body.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null,
                body.TryGetProperty("rationale", out var rationale) ? rationale.GetString() : null,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                role,
                reader.GetFieldValue<DateTimeOffset>(5),
                week,
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return Results.Ok(new HistoryOfJudgement(judgementId, id, changes));
    }

    private static string KindOf(string eventType) => eventType switch
    {
        "judgement_recorded" => "recorded",
        "judgement_revised" => "revised",
        "judgement_moderated" => "moderated",
        _ => eventType,
    };
}
