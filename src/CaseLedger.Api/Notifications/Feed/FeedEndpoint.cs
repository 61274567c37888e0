using System.Globalization;

namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// <c>GET /feed</c>: what the caller may see of the ledger, in log order, paged by a cursor that is the entry's
/// global sequence (DESIGN §13). <c>next</c> is where the following page starts, also when this one is empty, so a
/// client loops on it for ever. With <c>wait</c>, an empty page is held until an entry for this caller lands or
/// the seconds run out: a long poll that costs a sleeping task, not a connection or a query a second.
/// </summary>
public static class FeedEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;

    public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, string Next);

    /// <summary>One change: <see cref="ValidAt"/> when it happened (DESIGN §11), <see cref="RecordedAt"/> when the
    /// ledger recorded it, <see cref="Link"/> the view it changed.</summary>
    public sealed record FeedEntry(
        string Cursor, string Kind, Guid? InspectionId, string Yot, DateTimeOffset ValidAt, DateTimeOffset RecordedAt, string Link);

    [Authorize(Roles = Roles.FeedReaders)]
    [WolverineGet("/feed", OperationId = "GetFeed")]
    [Tags(Capability.Feed)]
    [EndpointSummary("Read the change feed")]
    [EndpointDescription("What the caller may see, in log order: reporting clients and administrators the notices (`inspection.published`, `judgement.corrected`, `yot.changed`), auditors every event. Each entry has its cursor, kind, inspection, YOT, valid and recorded time, and a link to the view it changed. `?after=CURSOR&limit=N` pages (`next` is the cursor to ask after next, also for an empty page); `?wait=S` (up to 30) holds an empty page until an entry lands. 400 for a bad cursor, limit or wait.")]
    [ProducesResponseType<FeedPage>(200, "application/json")]
    [ProblemResponses(400, 401, 403)]
    public static async Task<IResult> Get(
        string? after, int? limit, int? wait, HttpContext http, IQuerySession session, FeedSignal signal)
    {
        var errors = new FieldErrors();
        var cursor = ParseCursor(after);
        errors.Require(cursor is not null, "after", "must be a cursor the feed gave: a whole number, 0 or more.");
        errors.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"must be between 1 and {MaxLimit}.");
        errors.Require(wait is null or (>= 0 and <= MaxWaitSeconds), "wait", $"must be a number of seconds between 0 and {MaxWaitSeconds}.");
        if (errors.ToRejection() is { } invalid) return invalid.ToResult();
        if (Actor.From(http) is not { } actor) return Rejection.Unauthenticated().ToResult();

        try
        {
            return Results.Ok(await ReadAsync(session, signal, FeedAudiences.Of(actor), cursor!.Value, limit ?? DefaultLimit, wait ?? 0, http.RequestAborted));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away while it waited: nobody reads this answer, and it is no error of ours.
            return Results.Empty;
        }
    }

    /// <summary>The page after <paramref name="from"/>; when it is empty, read again each time the feed grows for
    /// this audience until it is not, or <paramref name="waitSeconds"/> have passed.</summary>
    private static async Task<FeedPage> ReadAsync(
        IQuerySession session, FeedSignal signal, FeedAudience audience, long from, int size, int waitSeconds, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(waitSeconds));
        while (true)
        {
            // Taken before the read: an entry that lands after the read has completed it already.
            var grew = signal.Next(audience);
            var page = await FeedReader.PageAsync(session, audience, from, size, cancellation);
            if (page.Count > 0 || deadline.IsCancellationRequested) return PageOf(page, from);
            try
            {
                await grew.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // The wait is over; the loop reads once more, so an entry that landed at the last moment is served.
            }
        }
    }

    private static FeedPage PageOf(IReadOnlyList<StoredEntry> page, long after) => new(
        [.. page.Select(entry => new FeedEntry(
            Cursor(entry.Sequence), entry.Kind, entry.InspectionId, entry.Yot, Moment(entry.ValidAtMicroseconds), Moment(entry.RecordedAtMicroseconds),
            FeedKinds.Link(entry.Kind, entry.InspectionId, entry.Yot, entry.StreamVersion)))],
        Cursor(page.Count > 0 ? page[^1].Sequence : after));

    private static string Cursor(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Digits only: a sign, a space or a decimal point is not a cursor the feed ever gave.</summary>
    private static long? ParseCursor(string? text) =>
        text is null ? 0
        : text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    private static DateTimeOffset Moment(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
}
