namespace CaseLedger.Tests.Scores;

/// <summary>
/// Expected scores counted by hand from the framework tree and the answers a test sent: deliberately not the
/// scoring engine, so a view that disagrees with seed 002 Appendix 5 cannot agree with this.
/// </summary>
public static class HandCount
{
    public sealed record Expected(int Sufficient, int Insufficient, int NotApplicable)
    {
        public int? Score => Sufficient + Insufficient == 0
            ? null
            : (int)((200L * Sufficient + Sufficient + Insufficient) / (2L * (Sufficient + Insufficient)));
    }

    public static Dictionary<(string Kind, string Id), Expected> Count(Framework framework, IEnumerable<(string QuestionId, string Answer)> answers)
    {
        var list = answers.ToList();
        var result = new Dictionary<(string, string), Expected>();
        foreach (var section in framework.Sections)
        {
            result[("section", section.Id)] = Tally(list, section.Criteria.SelectMany(c => c.Questions).Select(q => q.Id));
            foreach (var criterion in section.Criteria)
                result[("criterion", criterion.Id)] = Tally(list, criterion.Questions.Select(q => q.Id));
        }
        var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
        foreach (var theme in framework.Themes.Where(t => t.JudgedBy is null))
            result[("theme", theme.Id)] = Tally(list, questions.Where(q => q.KeyFor.Contains(theme.Id)).Select(q => q.Id));
        return result;
    }

    private static Expected Tally(List<(string QuestionId, string Answer)> answers, IEnumerable<string> questionIds)
    {
        var inScope = questionIds.ToHashSet();
        var mine = answers.Where(a => inScope.Contains(a.QuestionId)).ToList();
        return new Expected(mine.Count(a => a.Answer == "sufficient"), mine.Count(a => a.Answer == "insufficient"), mine.Count(a => a.Answer == "not-applicable"));
    }
}
