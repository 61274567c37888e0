using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>One sampled judgement's outcome, the unit every reliability figure counts.</summary>
public sealed record QaOutcome(
    Guid InspectionId, string FrameworkId, int FrameworkVersion, string QuestionId, string Inspector, int? Week, string Status, string? Direction)
{
    public static IEnumerable<QaOutcome> Of(QaRecord record) => record.Items.Select(item => new QaOutcome(
        record.Id, record.FrameworkId, record.FrameworkVersion, item.QuestionId, item.Inspector, item.Week, item.Status, item.Direction));
}

/// <summary>
/// How often QA overturned a set of sampled judgements. The rate is over the judgements QA has decided on
/// (confirmed or overturned). A pending one says nothing yet, so it is counted but kept out of the rate. The
/// interval is Wilson's at 95%, as the scores give it: with the few dozen judgements a sample holds, two
/// inspectors' rates are told apart only where their intervals do not overlap.
/// </summary>
public sealed record QaFigures(
    int Sampled,
    int Pending,
    int Confirmed,
    int Overturned,
    decimal? OverturnRate,
    WilsonInterval? Interval,
    int SufficientToInsufficient,
    int InsufficientToSufficient,
    int Applicability)
{
    public int Decided => Confirmed + Overturned;

    public static QaFigures Of(IReadOnlyCollection<QaOutcome> outcomes)
    {
        var confirmed = outcomes.Count(outcome => outcome.Status == QaStatus.Confirmed);
        var overturned = outcomes.Count(outcome => outcome.Status == QaStatus.Overturned);
        var decided = confirmed + overturned;
        int Went(string direction) => outcomes.Count(outcome => outcome.Direction == direction);
        return new QaFigures(
            outcomes.Count, outcomes.Count - decided, confirmed, overturned,
            decided == 0 ? null : Math.Round(100m * overturned / decided, 1, MidpointRounding.AwayFromZero),
            WilsonInterval.For(overturned, decided),
            Went(QaStatus.SufficientToInsufficient), Went(QaStatus.InsufficientToSufficient), Went(QaStatus.Applicability));
    }
}

/// <summary>The figures for one week's judgements: whether an inspector (or a question) drifts as fieldwork goes on.
/// The week is the one the sampled answer was given in; null for an answer given outside the fieldwork weeks.</summary>
public sealed record WeekFigures(int? Week, QaFigures Figures);

public sealed record InspectorFigures(string Inspector, QaFigures Figures, IReadOnlyList<WeekFigures> Weeks);

public sealed record QuestionFigures(string FrameworkId, string QuestionId, string Text, QaFigures Figures, IReadOnlyList<WeekFigures> Weeks);

public sealed record ScopeFigures(string FrameworkId, ScopeKind Kind, string Id, string Title, QaFigures Figures);

/// <summary>The figures for one inspection's judgements, for the views across inspections: drift from one
/// inspection to the next.</summary>
public sealed record InspectionFigures(Guid InspectionId, string YotCode, string Title, DateTimeOffset OpenedAt, QaFigures Figures);
