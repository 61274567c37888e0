namespace CaseLedger.Api.Frameworks;

/// <summary>
/// How a framework that rates standards turns scores into ratings (DESIGN §16). There is a scale of ratings, each
/// worth some points. A standard is rated from the case sample, taking the rating of its lowest-scoring key
/// question through the framework's <see cref="Framework.Banding"/> (whose band ids are the scale's), or from
/// evidence by the lead. The standards' points add up to an overall score, which <see cref="OverallBands"/> rates.
/// <see cref="Provenance"/> says which of this is confirmed by the inspectorate's documents and which is inferred.
/// </summary>
public sealed record RatingRules(
    string Provenance,
    IReadOnlyList<RatingLevel> Scale,
    IReadOnlyList<RatingBand> OverallBands,
    IReadOnlyList<RatedStandard> Standards,
    OverridePolicy Overrides);

/// <summary>A rating and the points it adds to the overall score; the scale lists them best first.</summary>
public sealed record RatingLevel(string Id, string Label, int Points);

/// <summary>An inclusive range of overall points and the rating it gives.</summary>
public sealed record RatingBand(string Rating, int From, int To);

/// <summary>
/// A rated standard. A case-sample standard names its <see cref="KeyQuestions"/>, the framework's questions whose
/// answers rate it. An evidence standard has <see cref="RatedFrom"/> <c>evidence</c> and no case questions: the
/// lead records its rating (<c>POST /inspections/{id}/ratings</c>). A standard that does not
/// <see cref="CountsTowardOverall"/> is rated and shown, but adds no points (HMI Probation's resettlement standard).
/// </summary>
public sealed record RatedStandard(
    string Id, string Title, string Domain, IReadOnlyList<string>? KeyQuestions = null, string? RatedFrom = null, string? Source = null,
    bool CountsTowardOverall = true)
{
    public const string FromEvidence = "evidence";

    public bool IsFromEvidence => RatedFrom == FromEvidence;
}

/// <summary>Whether the lead may depart from a case-sample standard's derived rating, and on whose word.</summary>
public sealed record OverridePolicy(bool Allowed, string Provenance);
