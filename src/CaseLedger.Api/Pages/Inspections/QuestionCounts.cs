using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Reading;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>
/// A Short Quality Screening letter's statements are per question: "sufficient in 17 of the 18 relevant cases".
/// They are counted from the judgements twin, which answers only the inspection's team and auditors (it is
/// case-level data), and only as the ledger stands now; for everyone else, and at an earlier point, there are none.
/// </summary>
public sealed record QuestionCount(string QuestionId, string Text, int Sufficient, int Relevant)
{
    public static async Task<IReadOnlyList<QuestionCount>> ReadAsync(
        Guid id, Framework framework, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var answer = Twin.Of<IEnumerable<JudgementView>>(await InspectionReads.Judgements(id, null, null, http, session, cancellation));
        if (answer.Refused) return [];
        var judged = answer.Value!.ToList().Where(judgement => judgement.Answer != Answer.NotApplicable).ToLookup(judgement => judgement.QuestionId);
        return
        [
            .. framework.Sections.SelectMany(section => section.Criteria).SelectMany(criterion => criterion.Questions)
                .Where(question => judged[question.Id].Any())
                .Select(question => new QuestionCount(question.Id, question.Text, judged[question.Id].Count(j => j.Answer == Answer.Sufficient), judged[question.Id].Count())),
        ];
    }
}
