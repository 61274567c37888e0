using CaseLedger.Api.Frameworks;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Writing;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Inspections.Rating;

/// <summary>What a rating decision reads: the header, the pinned framework, and the ratings as the ledger stands
/// (the scores caught up, and every rating recorded so far).</summary>
public sealed record RatingContext(Actor Actor, InspectionHeader Header, Framework Framework, RatingBoard? Board, IReadOnlyList<RatingEntry> Entries)
{
    public static async Task<(RatingContext? Context, Rejection? Rejection)> LoadAsync(
        Guid inspectionId, Actor actor, IQuerySession session, ScoringSchemes schemes, CancellationToken cancellation)
    {
        var header = await session.LoadAsync<InspectionHeader>(inspectionId, cancellation);
        if (header is null) return (null, InspectionRules.NotFound(inspectionId));
        if (InspectionRules.TeamOnly(header, actor) is { } hidden) return (null, hidden);
        var framework = schemes.Framework(header.FrameworkId, header.FrameworkVersion);
        var scores = await CaughtUp.ScoresAsync(inspectionId, session, schemes, cancellation);
        var entries = (IReadOnlyList<RatingEntry>?)scores?.Ratings ?? [];
        var (evidence, overrides) = RatingEntries.Now(entries);
        var board = scores is null ? null
            : Rater.Rate(framework, ScoreTally.FromCounts(schemes.For(header.FrameworkId, header.FrameworkVersion), scores.Counts).Scoreboard(), evidence, overrides);
        return (new RatingContext(actor, header, framework, board, entries), null);
    }

    /// <summary>The lead only, and only before publication.</summary>
    public Rejection? Allowed(string what) => InspectionRules.LeadOnly(Header, Actor, what) ?? InspectionRules.Writable(Header);

    /// <summary>The fields every rating must give: a rating on the scale, and why.</summary>
    public static void CheckFields(FieldErrors errors, string? rating, IReadOnlyList<string> scale, string? rationale)
    {
        if (scale.Count > 0) errors.OneOf(rating, "rating", scale);
        errors.RequireText(rationale, "rationale", Answers.MaxNote);
    }

    /// <summary>Appends one rating event. A rating leaves the header's revision alone, so, like a judgement write, it
    /// asks the commit to check the publication (and any open week) again under the header's lock.</summary>
    public Decision<RatingAnswer> Append(object @event, RatingAnswer answer, DateTimeOffset? occurredAt) => new Decision<RatingAnswer>
    {
        Events = [@event],
        State = answer,
        Week = Header.OpenWeek,
        RequiresStillWritable = true,
    }.HappenedAt(occurredAt);

    /// <summary>The latest rating of this kind the lead recorded for the standard, if any.</summary>
    public RatingEntry? Latest(string kind, string standardId) =>
        Entries.Where(entry => entry.Kind == kind && entry.StandardId == standardId).MaxBy(entry => entry.Version);
}

/// <summary>What a rating write answers: the standard, the rating that now stands, and how it came about.</summary>
public sealed record RatingAnswer(string StandardId, string Rating, string? Derived, bool Overridden, string Rationale, string By);
