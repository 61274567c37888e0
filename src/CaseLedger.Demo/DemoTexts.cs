namespace CaseLedger.Demo;

/// <summary>The words a revision note or a moderation rationale gives, in the inspectors' register.</summary>
public static class DemoTexts
{
    public static string RevisionNote(int week, Answer to, string? reason) => to switch
    {
        Answer.Insufficient => $"Revised in week {week}: on a second reading of the case record, {Lower(reason ?? "the work fell short")}.",
        Answer.Sufficient => $"Revised in week {week}: the case manager showed where the record evidences this work; the first reading missed it.",
        _ => $"Revised in week {week}: on a second reading this question does not apply to the case.",
    };

    public static string ModerationRationale(Answer to, string? reason) => to switch
    {
        Answer.Insufficient => $"Quality assurance: the evidence noted does not meet the standard for sufficient ({Lower(reason ?? "insufficient quality")}).",
        Answer.Sufficient => "Quality assurance: the evidence noted meets the standard; the first judgement was stricter than the criteria require.",
        _ => "Quality assurance: this question does not apply to the case.",
    };

    public const string OverturnRationale =
        "Quality assurance: the revision is not supported by the case record; the original judgement stands.";

    public const string ConfirmationNote = "Quality assurance: the case record bears this judgement out.";

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
