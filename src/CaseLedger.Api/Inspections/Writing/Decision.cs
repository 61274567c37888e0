
namespace CaseLedger.Api.Inspections.Writing;

/// <summary>
/// What every inspection decision comes to, in one shape: the events to append, the documents written beside them
/// and the state that results (what the response shows); or the rejection. Pure data, so a decision is tested by
/// looking at it. No events and no writes is a decision too: the command asks for what already holds (a retry),
/// and nothing is committed.
/// </summary>
public sealed record Decision<TState>
{
    public IReadOnlyList<object> Events { get; init; } = [];

    public IReadOnlyList<DocumentWrite> Writes { get; init; } = [];

    public TState? State { get; init; }

    /// <summary>The valid time each event states, by position; none (or a null) where it happened when recorded.
    /// The pipeline stamps it on the event (<see cref="LedgerWrites.OccurredAtHeader"/>).</summary>
    public IReadOnlyList<DateTimeOffset?> OccurredAt { get; init; } = [];

    public Rejection? Rejection { get; init; }

    /// <summary>The fieldwork week the events fall in, stamped on them as metadata (none outside the weeks).</summary>
    public int? Week { get; init; }

    /// <summary>The events open the inspection's stream, so a second opening with the same id is refused.</summary>
    public bool StartsStream { get; init; }

    /// <summary>
    /// Writes that leave the header's revision alone cannot notice a week closing or a publication while they
    /// decide; these ask the commit to check, under a share lock on the header row, that <see cref="Week"/> is still
    /// open and the inspection unpublished (see <see cref="LedgerWrites.RequireStillWritable"/>).
    /// </summary>
    public bool RequiresStillWritable { get; init; }

    /// <summary>
    /// The stream version the decision read the ledger at, when what it decides depends on all of it (a QA draw). The
    /// commit then appends only onto exactly that version. A write that landed in between makes the commit a lost
    /// race, so the command is decided again from fresh state.
    /// </summary>
    public long? ExpectedStreamVersion { get; init; }

    public bool Changes => Events.Count > 0 || Writes.Count > 0;

    /// <summary>Every event of this decision happened at <paramref name="occurredAt"/> (null: when recorded).</summary>
    public Decision<TState> HappenedAt(DateTimeOffset? occurredAt) =>
        occurredAt is null ? this : this with { OccurredAt = [.. Events.Select(_ => occurredAt)] };

    public static Decision<TState> Unchanged(TState state) => new() { State = state };

    public static implicit operator Decision<TState>(Rejection rejection) => new() { Rejection = rejection };
}

/// <summary>A document a decision stores with its events: new, or the next revision of one it read, so whoever
/// raced it is refused at commit (a duplicate id or unique key, a stale revision) rather than by a check both pass.</summary>
public abstract record DocumentWrite
{
    public abstract object Document { get; }

    public static DocumentWrite Insert<T>(T document) where T : notnull => new Inserted<T>(document);

    public static DocumentWrite Revise<T>(T document, int revision) where T : notnull => new Revised<T>(document, revision);

    public abstract void ApplyTo(IDocumentSession session);

    private sealed record Inserted<T>(T Value) : DocumentWrite where T : notnull
    {
        public override object Document => Value;

        public override void ApplyTo(IDocumentSession session) => session.Insert(Value);
    }

    private sealed record Revised<T>(T Value, int Revision) : DocumentWrite where T : notnull
    {
        public override object Document => Value;

        public override void ApplyTo(IDocumentSession session) => session.UpdateRevision(Value, Revision);
    }
}
