using System.Text.Json.Serialization;
using CaseLedger.Demo.Synthesis;

namespace CaseLedger.Demo;

/// <summary>
/// Where an inspection's final answers come from, named in a seed file by its <c>kind</c>. The same inputs and seed
/// always give the same answers; <see cref="About"/> says which part of the report they follow.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PublishedScores), "published-scores")]
[JsonDerivedType(typeof(StatedFindings), "stated-findings")]
public abstract record DemoAnswers(int Seed, string? About);

/// <summary>
/// The whole-number criterion, section and theme scores a report published: the judgement synthesiser finds
/// answers that give exactly those.
/// </summary>
public sealed record PublishedScores(IReadOnlyList<ScoreTarget> Targets, int Seed, string? About = null) : DemoAnswers(Seed, About);

/// <summary>
/// Question by question, as Short Quality Screening reports speak: the counts a report states ("sufficient in 17 of
/// the 18 relevant cases"), and readings of its words ("most", "nearly all") elsewhere. A question not listed is
/// answered for every case it applies to, sufficient at <see cref="UsualRate"/>.
/// </summary>
public sealed record StatedFindings(IReadOnlyList<QuestionFinding> Questions, double UsualRate, int Seed, string? About = null)
    : DemoAnswers(Seed, About);

/// <summary>
/// One question's finding: either stated counts, or a pass rate over a share of the cases it applies to (the rest
/// are answered not applicable: no report, no victim, no non-compliance). Questions naming the same
/// <see cref="Cohort"/> are answered for the same cases ("reports": the cases with a pre-sentence or panel
/// report), the smaller count a subset of the larger. <see cref="Source"/> cites the paragraph and words it reads.
/// </summary>
public sealed record QuestionFinding(
    string QuestionId,
    int? Applicable = null,
    int? Sufficient = null,
    double Rate = 0,
    double Share = 1,
    string? Cohort = null,
    string? Source = null)
{
    public static QuestionFinding Reading(string questionId, double rate) => new(questionId, Rate: rate);

    public bool StatesHalf => Applicable is null != Sufficient is null;

    /// <exception cref="InvalidOperationException">Stated counts the sample cannot hold.</exception>
    public (int Applicable, int Sufficient) CountsAmong(int eligible)
    {
        if (Applicable is { } applicable && Sufficient is { } sufficient)
        {
            if (applicable > eligible || sufficient > applicable)
                throw new InvalidOperationException(
                    $"Question '{QuestionId}' states {sufficient} of {applicable}, but only {eligible} cases in the sample can answer it.");
            return (applicable, sufficient);
        }

        var answered = (int)Math.Round(Share * eligible, MidpointRounding.AwayFromZero);
        return (answered, (int)Math.Round(Rate * answered, MidpointRounding.AwayFromZero));
    }
}
