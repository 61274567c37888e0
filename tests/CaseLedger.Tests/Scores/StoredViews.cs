using CaseLedger.Api.Moderation;
using CaseLedger.Api.Scores;

namespace CaseLedger.Tests.Scores;

/// <summary>
/// The view documents of one inspection as the store holds them, read straight from it rather than through an
/// endpoint: the endpoints replay whatever a document lacks, so only the documents show what a projection wrote.
/// </summary>
public sealed record StoredViews(string? Scores, string? ModerationLog)
{
    public static async Task<StoredViews> ReadAsync(IAlbaHost host, Guid inspectionId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return new StoredViews(
            await session.Json.FindByIdAsync<InspectionScores>(inspectionId),
            await session.Json.FindByIdAsync<ModerationLog>(inspectionId));
    }

    /// <summary>
    /// Overwrites the inspection's view documents with wrong figures at the ledger's own version, so every read
    /// trusts them and replays nothing: what a rebuild must put right.
    /// </summary>
    public static async Task SpoilAsync(IAlbaHost host, Guid inspectionId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var scores = await session.LoadAsync<InspectionScores>(inspectionId) ?? throw new InvalidOperationException("no stored scores");
        var log = await session.LoadAsync<ModerationLog>(inspectionId) ?? throw new InvalidOperationException("no stored moderation log");
        scores.Counts = new int[scores.Counts.Length];
        scores.Checkpoints = [];
        log.Moderations = [];
        session.Store(scores);
        session.Store(log);
        await session.SaveChangesAsync();
    }
}
