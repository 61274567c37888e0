using CaseLedger.Api.Inspections;
using CaseLedger.Api.Ledger;
using CaseLedger.Api.Scores;
using CaseLedger.Api.Timelines;
using Npgsql;
using NpgsqlTypes;

namespace CaseLedger.Api.ThemeViews;

/// <summary>
/// A theme's entries that can be a YOT's latest inspection at a moment, chosen in PostgreSQL from the entries' own
/// columns, so a read opens a document or two a YOT however many inspections each has had (issue 21). An inspection
/// opened after the moment is no one's then, and a YOT's inspection published and opened by the moment is seen by
/// everyone who sees any of its inspections, so nothing older than it can be that YOT's latest: the choice drops
/// exactly those, and the view's own rule (<see cref="TimelineMoment{TFigures}"/>) still chooses among what is left.
/// </summary>
public static class ThemeEntries
{
    public static async Task<IReadOnlyList<TimelineInspection<ThemeFigures>>> LatestPerYotAsync(
        string frameworkId, string themeId, MomentQuery.Moment moment, ThemeTimelineProjection projection, IQuerySession session, ScoringSchemes schemes,
        CancellationToken cancellation)
    {
        var theme = ThemeTimeline.Theme(frameworkId, themeId);
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(ThemeTimeline)).TableName.QualifiedName;
        var (progress, entries) = await TimelineReads.StoredAsync<ThemeTimeline, ThemeFigures>(projection.Name, Candidates(table),
            [new NpgsqlParameter("theme", theme), Time("at", moment.At), Time("recorded_at", moment.RecordedAt)], session, cancellation);
        var pending = await TimelineReads.PendingAsync(projection, progress, key => key.StartsWith(theme + "/", StringComparison.Ordinal), session, cancellation);
        // The same choice over what the daemon has not applied, before any figures are read for it: while the entries
        // are rebuilt, every opening and publication of the framework is pending, and each publication's figures cost
        // a read of its inspection's scores.
        var superseded = Superseded(projection, entries, pending, moment);
        foreach (var key in superseded) entries.Remove(key);
        await TimelineReads.FoldAsync(projection, entries, [.. pending.Where(placing => !superseded.Contains(placing.Key))], session, schemes, cancellation);
        return [.. entries.Values.SelectMany(entry => entry.Inspections)];
    }

    /// <summary>
    /// Orders by the same fieldwork, opening and recording times as
    /// <see cref="TimelineInspection{TFigures}.Chronology"/>; entries level on all three are never cut by each other.
    /// The columns hold each time cut to the microsecond, and the moment is cut the same way, so a time counts as
    /// taken only a whole microsecond before the moment and as after it only two microseconds past: the choice may
    /// keep an entry it need not, never drop one the view would choose.
    /// </summary>
    private static string Candidates(string table) =>
        $"""
         with latest as (
           select distinct on (yot_code) yot_code, fieldwork_on, opened_at, opened_recorded_at from {table}
           where theme_key = @theme and published_at is not null
             and (@at::timestamptz is null or greatest(opened_at, published_at) + interval '1 microsecond' <= @at::timestamptz)
             and (@recorded_at::timestamptz is null or greatest(opened_recorded_at, published_recorded_at) + interval '1 microsecond' <= @recorded_at::timestamptz)
           order by yot_code, fieldwork_on desc, opened_at desc, opened_recorded_at desc)
         select t.data from {table} t left join latest on latest.yot_code = t.yot_code
         where t.theme_key = @theme
           and (latest.yot_code is null or (t.fieldwork_on, t.opened_at, t.opened_recorded_at) >= (latest.fieldwork_on, latest.opened_at, latest.opened_recorded_at))
           and not coalesce(t.opened_at - interval '2 microseconds' > @at::timestamptz
             or t.opened_recorded_at - interval '2 microseconds' > @recorded_at::timestamptz, false)
         """;

    /// <summary>The keys the choice leaves out among the entries chosen and the openings and publications pending:
    /// <see cref="Candidates"/>'s rule, to the tick.</summary>
    internal static HashSet<string> Superseded(
        ThemeTimelineProjection projection, Dictionary<string, ThemeTimeline> entries, IReadOnlyList<(string Key, IEvent Event)> pending, MomentQuery.Moment moment)
    {
        var facts = entries.Where(pair => pair.Value.Inspections.Count > 0).ToDictionary(pair => pair.Key, pair => Facts.Of(pair.Value.Inspections[0]));
        foreach (var (key, e) in pending)
            if (e.Data is InspectionOpened && !facts.ContainsKey(key) && projection.Evolve(null, key, e)?.Inspections is [var opened])
                facts[key] = Facts.Of(opened);
            else if (e.Data is InspectionPublished && facts.TryGetValue(key, out var known) && known.PublishedAt is null)
                facts[key] = known with { PublishedAt = EventMetadata.OccurredAt(e), PublishedRecordedAt = e.Timestamp };

        bool Takes(DateTimeOffset occurred, DateTimeOffset recorded) =>
            (moment.At is not { } at || occurred <= at) && (moment.RecordedAt is not { } was || recorded <= was);
        var latest = facts.Values
            .Where(fact => fact is { PublishedAt: { } published, PublishedRecordedAt: { } recorded }
                           && Takes(fact.OpenedAt, fact.OpenedRecordedAt) && Takes(published, recorded))
            .GroupBy(fact => fact.Yot).ToDictionary(yot => yot.Key, yot => yot.Max(fact => fact.Order));
        return [.. facts.Where(pair => !Takes(pair.Value.OpenedAt, pair.Value.OpenedRecordedAt)
                || (latest.TryGetValue(pair.Value.Yot, out var newest) && pair.Value.Order.CompareTo(newest) < 0))
            .Select(pair => pair.Key)];
    }

    /// <summary>What the choice reads of an entry: its YOT, its order without the id, and its four times.</summary>
    private sealed record Facts(
        string Yot, (DateOnly, DateTimeOffset, DateTimeOffset) Order, DateTimeOffset OpenedAt, DateTimeOffset OpenedRecordedAt,
        DateTimeOffset? PublishedAt, DateTimeOffset? PublishedRecordedAt)
    {
        public static Facts Of(TimelineInspection<ThemeFigures> inspection)
        {
            var (fieldwork, openedAt, recordedAt, _) = inspection.Chronology;
            return new(inspection.Yot.Code, (fieldwork, openedAt, recordedAt), inspection.OpenedAt, inspection.OpenedRecordedAt,
                inspection.Publication?.OccurredAt, inspection.Publication?.RecordedAt);
        }
    }

    private static NpgsqlParameter Time(string name, DateTimeOffset? time) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = time is { } value ? value.ToUniversalTime().AddTicks(-(value.Ticks % 10)) : DBNull.Value };
}
