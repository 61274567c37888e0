namespace CaseLedger.Demo;

/// <summary>
/// A seed report as its file in <c>Seeds/</c> writes it: the inspection, with <see cref="About"/> saying which
/// report it is and how far the demo follows it. The sample becomes cases here, each examined by a team member.
/// </summary>
internal sealed record DemoSeed(
    string Seed,
    string Key,
    string About,
    string FrameworkId,
    YotReference Yot,
    string Title,
    IReadOnlyList<DateOnly> FieldworkWeeks,
    DateOnly PublishedOn,
    IReadOnlyList<TeamMember> Team,
    SampleCharacteristics Sample,
    DemoAnswers Answers,
    IReadOnlyList<FindingChanges> Changes,
    QaPlan? QualityAssurance = null,
    IReadOnlyList<DemoRating>? Ratings = null,
    IReadOnlyList<DemoRating>? Overrides = null)
{
    /// <exception cref="InvalidOperationException">A finding states one count without the other, or the sample's
    /// counts do not add up.</exception>
    public DemoInspection ToInspection()
    {
        if ((Answers as StatedFindings)?.Questions.FirstOrDefault(finding => finding.StatesHalf) is { } half)
            throw new InvalidOperationException(
                $"Question '{half.QuestionId}' in '{Key}.json' must state how many cases were applicable and how many sufficient, or neither.");
        return new(Key, Seed, FrameworkId, Yot, Title, FieldworkWeeks, PublishedOn, Team, Sample.Build([.. Team.Select(member => member.UserId)]), Answers, Changes,
            QualityAssurance, Ratings, Overrides);
    }
}
