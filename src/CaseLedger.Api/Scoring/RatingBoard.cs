namespace CaseLedger.Api.Scoring;

/// <summary>A rating someone recorded: the lead's rating of an evidence standard, or an override of a derived one.</summary>
public sealed record RecordedRating(string Rating, string Rationale, string? By, DateTimeOffset OccurredAt, long StreamVersion);

/// <summary>A key question's percentage of cases done well enough, and the rating its band gives.</summary>
public sealed record KeyQuestionRating(
    string QuestionId, string Text, int Sufficient, int Insufficient, decimal? ExactPercentage, int? Score, WilsonInterval? Interval, string? Rating);

/// <summary>
/// One standard's rating. A case-sample standard is <see cref="Derived"/> from its lowest-scoring key question
/// (<see cref="SetBy"/>). An evidence standard is rated by the lead (<see cref="Evidence"/>). Where the rules allow,
/// the lead may <see cref="Override"/> the derived rating: both are kept, and <see cref="Rating"/> is the one that stands.
/// </summary>
public sealed record StandardRating(
    string Id,
    string Title,
    string Domain,
    string Basis,
    IReadOnlyList<KeyQuestionRating> KeyQuestions,
    string? Derived,
    string? SetBy,
    RecordedRating? Evidence,
    RecordedRating? Override,
    string? Rating,
    int? Points,
    bool CountsTowardOverall = true)
{
    public const string CaseSample = "case-sample";
    public const string FromEvidence = "evidence";

    public bool Overridden => Override is not null;
}

/// <summary>
/// The points of the standards that count toward the overall rating, added up, and the rating the framework's bands
/// give that total. <see cref="Standards"/> counts only those. The rating is null until every one of them is rated: a total over some standards would look like a low score, not a partial one.
/// </summary>
public sealed record OverallRating(int Points, int MaxPoints, int RatedStandards, int Standards, string? Rating);

/// <summary>Every rated standard, and the overall rating (null for a framework whose only ratings are of themes a
/// person rates, which add up to nothing).</summary>
public sealed record RatingBoard(IReadOnlyList<StandardRating> Standards, OverallRating? Overall)
{
    public StandardRating Get(string standardId) => Standards.Single(standard => standard.Id == standardId);
}
