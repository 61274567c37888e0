using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// One inspection's quality assurance as its events tell it: every sample with each item's outcome, and two
/// tallies for what QA changed. <see cref="CountedView.Counts"/> holds the answers with QA (every change up to
/// publication); <see cref="InspectorCounts"/> holds them as the inspectors left them, with no moderation.
/// Corrections after publication are in neither tally: they are not QA.
/// </summary>
public sealed class QaRecord : CountedView
{
    public string Lead { get; set; } = "";
    public string YotCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public bool Published { get; set; }
    public int[] InspectorCounts { get; set; } = [];

    /// <summary>The inspectors' own answer to each moderated judgement: what its answer would be with no moderation.</summary>
    public Dictionary<Guid, Answer> InspectorAnswers { get; set; } = [];

    public Dictionary<Guid, string> CaseReferences { get; set; } = [];
    public List<QaSampleRecord> Samples { get; set; } = [];

    /// <summary>Whose judgements have been sampled, so the reads across inspections find this record by inspector.</summary>
    public List<string> Inspectors { get; set; } = [];

    /// <summary>How many judgements its samples hold, so the reads across inspections skip records with none.</summary>
    public int Sampled { get; set; }

    /// <summary>The sampled item for a judgement, if any. Asked for every judgement event the record folds, so it
    /// is a plain loop rather than a query that allocates for each.</summary>
    public QaItemRecord? FindItem(Guid judgementId)
    {
        foreach (var sample in Samples)
            foreach (var item in sample.Items)
                if (item.JudgementId == judgementId) return item;
        return null;
    }

    public IEnumerable<QaItemRecord> Items => Samples.SelectMany(sample => sample.Items);
}

/// <summary>A drawn sample: how it was drawn (so it can be drawn again), by whom and when, and its items.</summary>
public sealed class QaSampleRecord
{
    public Guid Id { get; set; }
    public long Seed { get; set; }
    public int? PerInspector { get; set; }
    public decimal? Share { get; set; }
    public int? Week { get; set; }
    public long DrawnAtVersion { get; set; }
    public long StreamVersion { get; set; }
    public string? DrawnBy { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public List<QaItemRecord> Items { get; set; } = [];

    public int Pending => Items.Count(item => item.Status == QaStatus.Pending);
    public int Confirmed => Items.Count(item => item.Status == QaStatus.Confirmed);
    public int Overturned => Items.Count(item => item.Status == QaStatus.Overturned);

    public static QaSampleRecord From(QaSampleDrawn drawn, long streamVersion, string? by, DateTimeOffset at, IReadOnlyDictionary<Guid, string> cases) => new()
    {
        Id = drawn.SampleId,
        Seed = drawn.Seed,
        PerInspector = drawn.PerInspector,
        Share = drawn.Share,
        Week = drawn.Week,
        DrawnAtVersion = drawn.DrawnAtVersion,
        StreamVersion = streamVersion,
        DrawnBy = by,
        DrawnAt = at,
        Items = [.. drawn.Items.Select(item => new QaItemRecord
        {
            JudgementId = item.JudgementId,
            CaseId = item.CaseId,
            CaseReference = cases.GetValueOrDefault(item.CaseId, ""),
            QuestionId = item.QuestionId,
            Inspector = item.Inspector,
            Week = item.Week,
            Answer = item.Answer,
            Version = item.Version,
        })],
    };
}

/// <summary>
/// One sampled judgement and what QA made of it. It is pending until the lead confirms it or moderates it. A
/// moderation overturns it for good, from the inspector's answer to the moderated one. A revision by the inspector
/// after a confirmation reopens it, because the answer that was confirmed is no longer the one that stands.
/// </summary>
public sealed class QaItemRecord
{
    public Guid JudgementId { get; set; }
    public Guid CaseId { get; set; }
    public string CaseReference { get; set; } = "";
    public string QuestionId { get; set; } = "";
    public string Inspector { get; set; } = "";
    public int? Week { get; set; }
    public Answer Answer { get; set; }
    public int Version { get; set; }
    public string Status { get; set; } = QaStatus.Pending;
    public Answer? OverturnedTo { get; set; }
    public string? Direction => OverturnedTo is { } to ? QaStatus.DirectionOf(Answer, to) : null;
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The lead's note on a confirmation, or the rationale of the moderation that overturned it.</summary>
    public string? Text { get; set; }
}

public static class QaStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Overturned = "overturned";

    public const string SufficientToInsufficient = "sufficient-to-insufficient";
    public const string InsufficientToSufficient = "insufficient-to-sufficient";
    public const string Applicability = "applicability";
    public const string Restored = "restored";

    /// <summary>Which way QA moved an answer: found wanting, found done, judged (not) applicable,
    /// or moderated and then moderated back to the inspector's answer.</summary>
    public static string DirectionOf(Answer from, Answer to) => (from, to) switch
    {
        _ when from == to => Restored,
        (Answer.Sufficient, Answer.Insufficient) => SufficientToInsufficient,
        (Answer.Insufficient, Answer.Sufficient) => InsufficientToSufficient,
        _ => Applicability,
    };
}
