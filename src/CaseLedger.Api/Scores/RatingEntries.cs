using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Scores;

/// <summary>A recorded rating as the score view keeps it: with its stream version and both times, so a read at any
/// point takes exactly the ratings that point takes, as it does the judgements.</summary>
public sealed record RatingEntry(
    string Kind, string StandardId, string Rating, string? Derived, string Rationale, string? By, long Version,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt)
{
    public const string Evidence = "evidence";
    public const string Override = "override";

    public static RatingEntry? Of(IEvent e) => e.Data switch
    {
        StandardRated rated => new(Evidence, rated.StandardId, rated.Rating, null, rated.Rationale, e.UserName, e.Version, EventMetadata.OccurredAt(e), e.Timestamp),
        RatingOverridden overridden => new(Override, overridden.StandardId, overridden.Rating, overridden.DerivedRating, overridden.Rationale,
            e.UserName, e.Version, EventMetadata.OccurredAt(e), e.Timestamp),
        _ => null,
    };

    public RecordedRating Recorded => new(Rating, Rationale, By, OccurredAt, Version);
}

public static class RatingEntries
{
    /// <summary>The latest evidence rating and the latest override of each standard, of those the point takes in.</summary>
    public static (IReadOnlyDictionary<string, RecordedRating> Evidence, IReadOnlyDictionary<string, RecordedRating> Overrides) At(
        IEnumerable<RatingEntry> entries, ResolvedPoint point)
    {
        var taken = entries.Where(entry => entry.Version <= point.Version && point.TakesTimes(entry.OccurredAt, entry.RecordedAt))
            .OrderBy(entry => entry.Version).ToList();
        return (Latest(taken, RatingEntry.Evidence), Latest(taken, RatingEntry.Override));
    }

    /// <summary>As the ledger stands now.</summary>
    public static (IReadOnlyDictionary<string, RecordedRating> Evidence, IReadOnlyDictionary<string, RecordedRating> Overrides) Now(IEnumerable<RatingEntry> entries)
    {
        var ordered = entries.OrderBy(entry => entry.Version).ToList();
        return (Latest(ordered, RatingEntry.Evidence), Latest(ordered, RatingEntry.Override));
    }

    private static Dictionary<string, RecordedRating> Latest(IEnumerable<RatingEntry> entries, string kind) =>
        entries.Where(entry => entry.Kind == kind).GroupBy(entry => entry.StandardId).ToDictionary(group => group.Key, group => group.Last().Recorded);
}
