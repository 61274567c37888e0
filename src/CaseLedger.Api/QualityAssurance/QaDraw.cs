using System.Security.Cryptography;
using System.Text;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// The QA draw, pure and reproducible with nothing but the seed and the ledger. Each inspector's eligible judgements
/// are ranked by SHA-256 of the UTF-8 text <c>"{seed}:{judgementId}"</c> (the id in its hyphenated lower-case form),
/// and the lowest ranks are taken. This is a seeded random sample that any language can redraw. It does not depend
/// on .NET's <see cref="Random"/>, whose sequence for a given seed is not promised to stay the same between versions.
/// </summary>
public static class QaDraw
{
    /// <summary>How many judgements per inspector a draw takes when it names neither a count nor a share.</summary>
    public const int DefaultPerInspector = 5;

    /// <summary>The largest seed: integers above it cannot survive a trip through a JavaScript client's JSON.</summary>
    public const long MaxSeed = (1L << 53) - 1;

    /// <summary>A judgement a draw may take, and the inspector whose answer it is.</summary>
    public sealed record Candidate(Guid JudgementId, string Inspector);

    /// <summary>The drawn judgements, inspector by inspector (in ordinal order of their ids), each inspector's in
    /// rank order.</summary>
    public static IReadOnlyList<Candidate> Draw(long seed, IEnumerable<Candidate> eligible, int? perInspector, decimal? share) =>
    [
        .. eligible
            .GroupBy(candidate => candidate.Inspector, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group =>
            {
                var ranked = group.Select(candidate => (candidate, rank: Rank(seed, candidate.JudgementId))).ToList();
                ranked.Sort((a, b) => a.rank.AsSpan().SequenceCompareTo(b.rank));
                return ranked.Take(Size(ranked.Count, perInspector, share)).Select(entry => entry.candidate);
            }),
    ];

    /// <summary>
    /// The number drawn from an inspector's <paramref name="available"/> judgements: the larger of the count asked
    /// for and the share (rounded up, so that any share above zero takes at least one), and never more than there
    /// are.
    /// </summary>
    public static int Size(int available, int? perInspector, decimal? share)
    {
        var wanted = perInspector is null && share is null
            ? DefaultPerInspector
            : Math.Max(perInspector ?? 0, share is { } part ? (int)Math.Ceiling(part * available) : 0);
        return Math.Min(available, wanted);
    }

    public static byte[] Rank(long seed, Guid judgementId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{judgementId:D}"));
}
