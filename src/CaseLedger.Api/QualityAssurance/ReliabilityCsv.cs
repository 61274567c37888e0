namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// Reliability as one flat table, the way a spreadsheet filters it. Each row is one group of sampled judgements:
/// <c>level</c> says which (an inspector, a question, a scope, one of those in a week, an inspection), and the
/// columns that do not apply to that level are left empty.
/// </summary>
public static class ReliabilityCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "level", "inspection_id", "inspector", "framework_id", "question_id", "scope_kind", "scope_id", "week",
        "sampled", "pending", "confirmed", "overturned", "overturn_rate", "interval_lower", "interval_upper",
        "sufficient_to_insufficient", "insufficient_to_sufficient", "applicability",
    ];

    public sealed record Row(
        string Level, QaFigures Figures, Guid? InspectionId = null, string? Inspector = null, string? FrameworkId = null,
        string? QuestionId = null, string? ScopeKind = null, string? ScopeId = null, int? Week = null);

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<Row> rows) => rows.Select(row => (IReadOnlyList<object?>)
    [
        row.Level, row.InspectionId, row.Inspector, row.FrameworkId, row.QuestionId, row.ScopeKind, row.ScopeId, row.Week,
        row.Figures.Sampled, row.Figures.Pending, row.Figures.Confirmed, row.Figures.Overturned, row.Figures.OverturnRate,
        Rounded(row.Figures.Interval?.Lower), Rounded(row.Figures.Interval?.Upper),
        row.Figures.SufficientToInsufficient, row.Figures.InsufficientToSufficient, row.Figures.Applicability,
    ]);

    public static IEnumerable<Row> Of(
        QaFigures overall, IEnumerable<InspectorFigures> inspectors, IEnumerable<QuestionFigures> questions, IEnumerable<ScopeFigures> scopes,
        IEnumerable<InspectionFigures>? inspections = null)
    {
        yield return new Row("all", overall);
        foreach (var inspector in inspectors)
        {
            yield return new Row("inspector", inspector.Figures, Inspector: inspector.Inspector);
            foreach (var week in inspector.Weeks) yield return new Row("inspector-week", week.Figures, Inspector: inspector.Inspector, Week: week.Week);
        }
        foreach (var question in questions)
        {
            yield return new Row("question", question.Figures, FrameworkId: question.FrameworkId, QuestionId: question.QuestionId);
            foreach (var week in question.Weeks)
                yield return new Row("question-week", week.Figures, FrameworkId: question.FrameworkId, QuestionId: question.QuestionId, Week: week.Week);
        }
        foreach (var scope in scopes)
            yield return new Row("scope", scope.Figures, FrameworkId: scope.FrameworkId, ScopeKind: scope.Kind.ToString().ToLowerInvariant(), ScopeId: scope.Id);
        foreach (var inspection in inspections ?? [])
            yield return new Row("inspection", inspection.Figures, InspectionId: inspection.InspectionId);
    }

    private static double? Rounded(double? percent) => percent is { } value ? Math.Round(value, 1) : null;
}
