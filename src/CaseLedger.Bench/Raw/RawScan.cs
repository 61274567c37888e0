using System.Collections.Concurrent;
using System.Text.Json;
using CaseLedger.Api.Scoring;
using Npgsql;

namespace CaseLedger.Bench.Raw;

/// <summary>
/// Reads events straight from the product's event table with Npgsql and deserialises each into its record with
/// System.Text.Json: what any rebuild or history read must at least do, without the product's machinery.
/// </summary>
public static class RawScan
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="sql"/> (which selects <c>mt_dotnet_type, data</c>) and hands each deserialised event on.
    /// The type comes from the row, as Marten reads it, so events the product adds later need no change here.
    /// </summary>
    public static async Task<long> ReadAsync(NpgsqlDataSource data, string sql, IReadOnlyList<object> parameters,
        Action<object> apply, CancellationToken cancellation)
    {
        await using var connection = await data.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        long count = 0;
        while (await reader.ReadAsync(cancellation))
        {
            var type = reader.GetString(0);
            var clrType = Types.GetOrAdd(type, name => Type.GetType(name))
                ?? throw new BenchFailure($"The event table holds events of type '{type}', which the benchmark's build does not have.");
            apply(JsonSerializer.Deserialize(reader.GetString(1), clrType, EventJson.Options)
                ?? throw new BenchFailure($"An event of type '{type}' deserialised to nothing."));
            count++;
        }
        return count;
    }
}

/// <summary>The raw fold a score read needs: each judgement's current answer, then sufficient and insufficient
/// counts per question.</summary>
public sealed class RawTally
{
    private readonly CurrentAnswers current = new();

    public void Apply(object @event) => current.Apply(@event);

    public IReadOnlyDictionary<string, (int Sufficient, int Insufficient)> PerQuestion() =>
        current.Answers.GroupBy(judgement => judgement.QuestionId).ToDictionary(
            group => group.Key,
            group => (group.Count(j => j.Answer == Answer.Sufficient), group.Count(j => j.Answer == Answer.Insufficient)));
}
