namespace CaseLedger.Demo;

/// <summary>
/// Works out a demo inspection's script: the final answers first (<see cref="FinalAnswers"/>), then, for the
/// judgements chosen to move, a different first answer and the revisions or moderations that bring each to its final
/// one. The final state is therefore exactly the published figures whatever moves on the way.
/// </summary>
public static class DemoScripts
{
    /// <summary>
    /// Second readings and quality assurance more often find work wanting than find it done: two in three moved
    /// findings go from sufficient to insufficient, so the scores at the end of week 1 sit a little above the final
    /// ones, as a first reading tends to.
    /// </summary>
    private const double ShareMovingDown = 2.0 / 3;

    public static DemoScript Build(DemoInspection inspection, Framework framework)
    {
        var cases = inspection.Cases.Select(@case => @case.Sampled(inspection.Key)).ToList();
        var caseById = inspection.Cases.ToDictionary(@case => DemoIds.Case(inspection.Key, @case.Reference));
        var labels = framework.ReasonCodes.ToDictionary(code => code.Id, code => code.Label);

        var judgements = FinalAnswers.For(inspection, framework).Select(answer =>
        {
            var @case = caseById[answer.CaseId];
            var question = framework.FindQuestion(answer.QuestionId)!;
            return new ScriptedJudgement(
                DemoIds.Judgement(inspection.Key, @case.Reference, question.Id), answer.CaseId, @case.Reference, question.Id,
                @case.Week, @case.Assessor, answer.Answer, Reasons(answer.Answer, question, @case.Reference), []);
        }).ToList();

        var random = new Random(inspection.Answers.Seed + 1);
        var moved = new HashSet<Guid>();
        IReadOnlyList<Guid> sample = [];
        foreach (var changes in inspection.Changes)
        {
            Check(inspection, changes);
            var parts = new List<(FindingChanges Changes, Func<ScriptedJudgement, bool> Allowed)> { (changes, _ => true) };
            if (inspection.QualityAssurance is { } qa && changes is { Kind: ChangeKind.Moderation, Week: null })
            {
                sample = DemoQa.Draw(inspection, qa, judgements);
                parts = DemoQa.Overturns(changes, qa, [.. sample]);
            }
            foreach (var (part, allowed) in parts)
                foreach (var index in Choose(judgements, part, inspection, moved, random, allowed))
                {
                    var judgement = judgements[index];
                    var question = framework.FindQuestion(judgement.QuestionId)!;
                    judgements[index] = Move(judgement, part, inspection.Lead, question, labels);
                    moved.Add(judgement.Id);
                }
        }

        return new DemoScript(inspection, cases, judgements, sample);
    }

    private static ScriptedJudgement Move(
        ScriptedJudgement judgement, FindingChanges changes, string lead, Question question, IReadOnlyDictionary<string, string> labels)
    {
        var final = judgement.Answer;
        var other = final == Answer.Sufficient ? Answer.Insufficient : Answer.Sufficient;
        var finalReasons = judgement.Reasons;
        var otherReasons = Reasons(other, question, judgement.CaseReference);
        string? Label(IReadOnlyList<string> reasons) => reasons.Count == 0 ? null : labels.GetValueOrDefault(reasons[0]);

        return changes.Kind switch
        {
            ChangeKind.Revision => judgement with
            {
                Answer = other,
                Reasons = otherReasons,
                Changes = [new ScriptedChange(false, changes.Week, judgement.RecordedBy, final, finalReasons,
                    DemoTexts.RevisionNote(changes.Week!.Value, final, Label(finalReasons)))],
            },
            ChangeKind.Moderation => judgement with
            {
                Answer = other,
                Reasons = otherReasons,
                Changes = [new ScriptedChange(true, changes.Week, lead, final, finalReasons, DemoTexts.ModerationRationale(final, Label(finalReasons)))],
            },
            ChangeKind.RevisionOverturned => judgement with
            {
                Changes =
                [
                    new ScriptedChange(false, changes.Week, judgement.RecordedBy, other, otherReasons,
                        DemoTexts.RevisionNote(changes.Week!.Value, other, Label(otherReasons))),
                    new ScriptedChange(true, null, lead, final, finalReasons, DemoTexts.OverturnRationale),
                ],
            },
            _ => throw new InvalidOperationException($"Unknown change kind {changes.Kind}."),
        };
    }

    /// <summary>
    /// Judgements that can move this way: allowed (QA's own moderations take sampled judgements only), answered
    /// sufficient or insufficient, recorded by then, not moved already, and, where the lead moderates, recorded by
    /// someone else. A seeded shuffle picks them, two in three among
    /// those that end insufficient.
    /// </summary>
    private static IEnumerable<int> Choose(
        IReadOnlyList<ScriptedJudgement> judgements, FindingChanges changes, DemoInspection inspection, HashSet<Guid> moved, Random random,
        Func<ScriptedJudgement, bool> allowed)
    {
        var candidates = Enumerable.Range(0, judgements.Count).Where(index =>
        {
            var judgement = judgements[index];
            return allowed(judgement)
                && judgement.Answer != Answer.NotApplicable
                && !moved.Contains(judgement.Id)
                && (changes.Week is not { } week || judgement.Week <= week)
                && (changes.RecordedIn is not { } recordedIn || judgement.Week == recordedIn)
                && (changes.Kind == ChangeKind.Revision || judgement.RecordedBy != inspection.Lead);
        }).ToArray();
        random.Shuffle(candidates);

        var down = (int)Math.Round(changes.Count * ShareMovingDown, MidpointRounding.AwayFromZero);
        var endingInsufficient = candidates.Where(index => judgements[index].Answer == Answer.Insufficient).Take(down).ToList();
        var endingSufficient = candidates.Where(index => judgements[index].Answer == Answer.Sufficient).Take(changes.Count - endingInsufficient.Count).ToList();
        if (endingInsufficient.Count + endingSufficient.Count < changes.Count)
            throw new InvalidOperationException(
                $"Demo '{inspection.Key}' asks for {changes.Count} {changes.Kind} changes but has too few judgements to move.");
        return endingInsufficient.Concat(endingSufficient);
    }

    private static void Check(DemoInspection inspection, FindingChanges changes)
    {
        if (changes.Week is { } week && (week < 1 || week > inspection.FieldworkWeeks.Count))
            throw new InvalidOperationException($"Demo '{inspection.Key}' moves findings in week {week}, which it does not have.");
        if (changes.Week is null && changes.Kind != ChangeKind.Moderation)
            throw new InvalidOperationException($"Demo '{inspection.Key}': a {changes.Kind} happens in a fieldwork week; only moderation comes after.");
        // The QA sample is drawn on the ledger as fieldwork left it, so every change made in the weeks comes first.
        if (inspection.QualityAssurance is not null && changes is { Kind: ChangeKind.Moderation, Week: null } && changes != inspection.Changes[^1])
            throw new InvalidOperationException($"Demo '{inspection.Key}': QA's moderations after fieldwork must be its last change.");
    }

    /// <summary>An insufficient answer gives one of the question's reason codes, picked by case and question.</summary>
    private static IReadOnlyList<string> Reasons(Answer answer, Question question, string caseReference) =>
        answer != Answer.Insufficient || question.ReasonCodes.Count == 0
            ? []
            : [question.ReasonCodes[(int)((uint)StableHash.Of(caseReference + "/" + question.Id) % (uint)question.ReasonCodes.Count)]];
}
