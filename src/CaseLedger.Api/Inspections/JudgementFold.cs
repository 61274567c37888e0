using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections;

/// <summary>
/// The one fold over judgement events (<see cref="IJudgementChange"/>): into the scoring engine's incremental tally,
/// where a change moves only its question's scopes, or into every judgement's current answer.
/// </summary>
public static class JudgementFold
{
    /// <summary>Moves the tally by the event when it changes a judgement; false (and nothing moved) otherwise.</summary>
    public static bool Apply(this ScoreTally tally, object data)
    {
        if (data is not IJudgementChange change) return false;
        tally.Apply(change.QuestionId, change.Previous, change.Answer);
        return true;
    }
}

/// <summary>Every judgement's current answer and version, folded from the ledger's events in order.</summary>
public sealed class CurrentAnswers
{
    private readonly Dictionary<Guid, IJudgementChange> latest = [];

    public int Count => latest.Count;

    public IReadOnlyDictionary<Guid, IJudgementChange> Latest => latest;

    public IEnumerable<CaseAnswer> Answers => latest.Values.Select(change => new CaseAnswer(change.CaseId, change.QuestionId, change.Answer));

    public bool Apply(object data)
    {
        if (data is not IJudgementChange change) return false;
        latest[change.JudgementId] = change;
        return true;
    }
}
