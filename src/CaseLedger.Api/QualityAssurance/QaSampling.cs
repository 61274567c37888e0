using JasperFx;

namespace CaseLedger.Api.QualityAssurance;

/// <summary>
/// What QA decisions read and write for one inspection: its samples and, for each sampled judgement, the sample
/// it is in and the version last confirmed. It is stored beside the events under numeric revisions. Two QA writes
/// that race therefore cannot both win, and a judgement cannot be drawn twice. Views come from the events
/// (<see cref="QaRecordProjection"/>), never from this.
/// </summary>
public sealed record QaSampling : IRevisioned
{
    public required Guid Id { get; init; }
    public IReadOnlyList<QaSampleDrawn> Samples { get; init; } = [];
    public IReadOnlyDictionary<Guid, QaMark> Marks { get; init; } = new Dictionary<Guid, QaMark>();
    public int Version { get; set; }

    public static QaSampling Empty(Guid inspectionId) => new() { Id = inspectionId };

    public QaSampling With(QaSampleDrawn drawn) => this with
    {
        Samples = [.. Samples, drawn],
        Marks = new Dictionary<Guid, QaMark>(Marks.Concat(drawn.Items.Select(item =>
            KeyValuePair.Create(item.JudgementId, new QaMark(drawn.SampleId, item.Inspector, null, null, null))))),
    };

    public QaSampling With(JudgementConfirmed confirmed, string by) => this with
    {
        Marks = new Dictionary<Guid, QaMark>(Marks)
        {
            [confirmed.JudgementId] = Marks[confirmed.JudgementId] with { ConfirmedVersion = confirmed.Version, ConfirmedBy = by, Note = confirmed.Note },
        },
    };
}

/// <summary>A sampled judgement: its sample, whose answer was drawn, and the version the lead confirmed (if any).</summary>
public sealed record QaMark(Guid SampleId, string Inspector, int? ConfirmedVersion, string? ConfirmedBy, string? Note);
