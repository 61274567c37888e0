using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Judging;

/// <summary>Answers as clients name them, and the rules for the reason codes that go with them.</summary>
public static class Answers
{
    public static readonly IReadOnlyList<string> Names = ["sufficient", "insufficient", "not-applicable"];

    public static string Name(Answer answer) => Names[(int)answer];

    public static Answer? Parse(string? name) => name switch
    {
        "sufficient" => Answer.Sufficient,
        "insufficient" => Answer.Insufficient,
        "not-applicable" => Answer.NotApplicable,
        _ => null,
    };

    public const int MaxNote = 4000;
    public const int MaxReasons = 10;

    /// <summary>Reason codes explain an "insufficient" answer, and only the codes the question lists.</summary>
    public static void CheckReasons(FieldErrors errors, string field, Answer answer, IReadOnlyList<string> reasons, Question question)
    {
        if (reasons.Count == 0) return;
        if (answer != Answer.Insufficient)
        {
            errors.Add(field, "reason codes are given only with an 'insufficient' answer.");
            return;
        }
        if (reasons.Count > MaxReasons) errors.Add(field, $"at most {MaxReasons} reason codes.");
        if (reasons.Distinct().Count() != reasons.Count) errors.Add(field, "a reason code is given twice.");
        foreach (var unknown in reasons.Where(reason => !question.ReasonCodes.Contains(reason)))
            errors.Add(field, $"'{unknown}' is not a reason code of question '{question.Id}': one of {string.Join(", ", question.ReasonCodes)}.");
    }
}
