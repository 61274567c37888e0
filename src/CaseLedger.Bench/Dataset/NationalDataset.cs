using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.QualityAssurance;

namespace CaseLedger.Bench.Dataset;

/// <summary>
/// The national dataset: inspections of the YOTs of England and Wales under the three frameworks, each with a case
/// sample, judgements over two or three fieldwork weeks, revisions during fieldwork, moderation after it and, under
/// one framework, quality assurance before publication. The
/// same seed always gives the same dataset, and each inspection depends only on the seed and its index, so a
/// smaller scale is a prefix of a larger one.
/// </summary>
public sealed class NationalDataset(FrameworkCatalog frameworks, int seed)
{
    // About one judgement in seventy is revised during fieldwork and one in a hundred and thirty moderated: enough
    // for every inspection to have a history, few enough that the single-request changes do not dominate the load.
    public const double RevisionShare = 0.015;
    public const double ModerationShare = 0.0075;
    public const double PublishedShare = 0.9;

    // The first inspection is the deepest, the one history reads are measured on (issue 7): a CCI inspection of 150
    // cases, some 10,000 judgements, with revisions and moderations in the hundreds.
    public const string DeepFrameworkId = "cci-2009";
    public const int DeepCases = 150;
    public const double DeepRevisionShare = 0.04;
    public const double DeepModerationShare = 0.03;

    // Every inspection of the deep one's framework is QA'd, so the reliability read across that framework takes in
    // the largest sample too. Confirmations and moderations are single requests: one framework, and five per
    // inspector where the deep inspection has twenty, keep them to about a thousand at 500,000 events. QA overturns
    // every tenth judgement drawn (the draw's order is its seeded ranking) and confirms the rest.
    public const string QaFrameworkId = DeepFrameworkId;
    public const int DeepQaPerInspector = 20;
    public const int QaOverturnsOneIn = 10;

    private static readonly IReadOnlyList<(string Framework, double Weight)> FrameworkMix =
        [("cci-2009", 50), ("fji-2013", 25), ("sqs-2014", 25)];

    /// <summary>Inspections in order, until together they append at least <paramref name="events"/> events.</summary>
    public IEnumerable<PlannedInspection> Inspections(long events)
    {
        long planned = 0;
        for (var index = 0; planned < events; index++)
        {
            var inspection = Inspection(index);
            planned += inspection.EventCount;
            yield return inspection;
        }
    }

    public PlannedInspection Inspection(int index)
    {
        var random = new Random(Draws.SeedFor(seed, index));
        var deep = index == 0;
        var frameworkId = deep ? DeepFrameworkId : random.Weighted(FrameworkMix);
        var framework = frameworks.Latest(frameworkId) ?? throw new InvalidOperationException($"Framework {frameworkId} is not loaded.");
        var questions = framework.Sections.SelectMany(s => s.Criteria).SelectMany(c => c.Questions).ToList();
        var id = random.NextGuid();
        var lead = $"lead-{random.Next(40):00}";
        var inspectors = Enumerable.Range(0, 120).OrderBy(_ => random.Next()).Take(random.Next(2, 5)).Select(n => $"inspector-{n:000}").ToList();

        var (minCases, maxCases) = frameworkId switch { "sqs-2014" => (14, 40), "fji-2013" => (40, 100), _ => (30, 100) };
        var caseCount = random.Next(minCases, maxCases + 1);
        var cases = Enumerable.Range(1, deep ? DeepCases : caseCount).Select(n => CaseProfiles.Draw(random, n)).ToList();
        var weekCount = random.Chance(0.7) ? 2 : 3;
        var firstWeek = FirstWeek(frameworkId, random);
        var weeks = Enumerable.Range(1, weekCount).Select(n => new PlannedWeek(n, firstWeek.AddDays(21 * (n - 1)))).ToList();

        var answers = new AnswerDraws(random);
        var versions = new Dictionary<Guid, (PlannedJudgement Judgement, string Answer, int Version)>();
        var fieldwork = new List<PlannedFieldworkWeek>();
        for (var w = 0; w < weekCount; w++)
        {
            var judgements = new List<PlannedJudgement>();
            for (var c = cases.Count * w / weekCount; c < cases.Count * (w + 1) / weekCount; c++)
            {
                var by = inspectors[c % inspectors.Count];
                judgements.AddRange(questions.Where(q => q.AppliesTo(cases[c])).Select(q => answers.Judge(cases[c], q, by)));
            }
            // A week's revisions change judgements recorded in the week before, by whoever recorded them.
            var revisions = w == 0 ? [] : fieldwork[w - 1].Judgements.Where(_ => random.Chance(deep ? DeepRevisionShare : RevisionShare))
                .Select(judgement => Change(judgement, judgement.By, answers.RevisionNote())).ToList();
            foreach (var judgement in judgements) versions[judgement.Id] = (judgement, judgement.Answer, 1);
            fieldwork.Add(new PlannedFieldworkWeek(weeks[w], judgements, revisions));
        }
        var moderations = fieldwork.SelectMany(week => week.Judgements).Where(_ => random.Chance(deep ? DeepModerationShare : ModerationShare))
            .Select(judgement => Change(judgement, lead, answers.Rationale())).ToList();

        // Drawn after everything else, so the QA plan leaves every earlier draw as it was.
        var published = random.Chance(PublishedShare);
        var qa = frameworkId == QaFrameworkId ? PlanQa(deep ? DeepQaPerInspector : QaDraw.DefaultPerInspector) : null;
        return new PlannedInspection(index, id, frameworkId, NationalYots.All[index % NationalYots.All.Count], lead, inspectors,
            cases, fieldwork, moderations, published, qa);

        PlannedChange Change(PlannedJudgement judgement, string by, string text)
        {
            var (_, current, version) = versions[judgement.Id];
            var (answer, reasons) = answers.TurnOver(current, framework.FindQuestion(judgement.QuestionId)!);
            versions[judgement.Id] = (judgement, answer, version + 1);
            return new PlannedChange(judgement.Id, judgement.CaseId, judgement.QuestionId, answer, reasons, text, version, by);
        }

        // The API draws with its own rule (QaDraw) and the seed the plan sends, so the plan knows the items. What a lead
        // may sample here is every judgement not moderated: all are team inspectors', and none is corrected before
        // publication. A mismatch with the API shows as a refused confirmation, which stops the run.
        PlannedQa PlanQa(int perInspector)
        {
            var moderated = moderations.Select(change => change.JudgementId).ToHashSet();
            var seed = random.NextInt64(QaDraw.MaxSeed);
            var eligible = fieldwork.SelectMany(week => week.Judgements).Where(judgement => !moderated.Contains(judgement.Id))
                .Select(judgement => new QaDraw.Candidate(judgement.Id, judgement.By));
            var (confirmations, overturns) = (new List<PlannedConfirmation>(), new List<PlannedChange>());
            foreach (var (drawn, i) in QaDraw.Draw(seed, eligible, perInspector, share: null).Select((drawn, i) => (drawn, i)))
            {
                var (judgement, _, version) = versions[drawn.JudgementId];
                if ((i + 1) % QaOverturnsOneIn == 0) overturns.Add(Change(judgement, lead, answers.Rationale()));
                else confirmations.Add(new PlannedConfirmation(judgement.Id, version));
            }
            return new PlannedQa(random.NextGuid(), seed, perInspector, confirmations, overturns);
        }
    }

    /// <summary>Each programme ran in its own years: CCI 2009–12, FJI 2013–17, SQS 2014–18.</summary>
    private static DateOnly FirstWeek(string frameworkId, Random random)
    {
        var (from, years) = frameworkId switch { "fji-2013" => (2013, 5), "sqs-2014" => (2014, 5), _ => (2009, 4) };
        return new DateOnly(from, 1, 5).AddDays(7 * random.Next(52 * years));
    }
}
