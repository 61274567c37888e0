namespace CaseLedger.Demo;

/// <summary>
/// One seed report as demo data: the inspection as the report describes it (YOT, framework, fieldwork weeks, a team
/// named by role title rather than by the people the report names), its case sample, how the final judgements are
/// found, and how findings move on the way there. <see cref="Key"/> names every id the load uses, so it never
/// changes once published.
/// </summary>
public sealed record DemoInspection(
    string Key,
    string Seed,
    string FrameworkId,
    YotReference Yot,
    string Title,
    IReadOnlyList<DateOnly> FieldworkWeeks,
    DateOnly PublishedOn,
    IReadOnlyList<TeamMember> Team,
    IReadOnlyList<DemoCase> Cases,
    DemoAnswers Answers,
    IReadOnlyList<FindingChanges> Changes,
    QaPlan? QualityAssurance = null,
    IReadOnlyList<DemoRating>? Ratings = null,
    IReadOnlyList<DemoRating>? Overrides = null)
{
    public Guid Id => DemoIds.Inspection(Key);

    public DemoCalendar Calendar => new(this);

    public string Lead => Team.Single(member => member.Role == TeamRoles.LeadInspector).UserId;
}

/// <summary>
/// A case in the sample, examined in fieldwork week <see cref="Week"/> by <see cref="Assessor"/>, who records
/// every judgement on it.
/// </summary>
public sealed record DemoCase(
    string Reference,
    string SentenceType,
    string Setting,
    int AgeAtStart,
    string Gender,
    string Ethnicity,
    string RiskOfHarm,
    string Status,
    int Week,
    string Assessor)
{
    /// <summary>The case as the sample records it, under its id in the inspection named by <paramref name="key"/>.</summary>
    public SampledCase Sampled(string key) => new(
        DemoIds.Case(key, Reference), Reference, SentenceType, Setting, AgeAtStart, Gender, Ethnicity, RiskOfHarm, Status);
}

/// <summary>
/// How many judgements take a first answer other than their final one, and how they come to the final one:
/// revised by the inspector who recorded them, or moderated by the lead, in fieldwork week <see cref="Week"/>
/// (null: after fieldwork, before publication), chosen among judgements recorded in week <see cref="RecordedIn"/>
/// (null: any week up to then). <see cref="ChangeKind.RevisionOverturned"/> judgements start right, are revised
/// wrongly in that week, and the lead moderates them back after fieldwork.
/// </summary>
public sealed record FindingChanges(ChangeKind Kind, int? Week, int Count, int? RecordedIn = null);

public enum ChangeKind
{
    Revision,
    Moderation,
    RevisionOverturned,
}

/// <summary>
/// Quality assurance after fieldwork. The lead draws <see cref="PerInspector"/> of each inspector's judgements with
/// <see cref="Seed"/>, then moderates and confirms them. The synthesis decides who is overturned: three in four of
/// the moderations after fieldwork go to <see cref="OverturnedMostOften"/>'s sampled judgements, and the rest to
/// other inspectors' sampled judgements (<see cref="DemoScripts"/>). Every other sampled judgement is confirmed.
/// </summary>
public sealed record QaPlan(long Seed, int PerInspector, string OverturnedMostOften, string About)
{
    public const double ShareToMostOverturned = 3.0 / 4;
}

/// <summary>A rating the lead records after fieldwork: of a standard rated from evidence, or an override of a derived one.</summary>
public sealed record DemoRating(string StandardId, string Rating, string Rationale);
