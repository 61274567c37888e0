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
        var timelines = await TimelineReads.CaughtUpAsync(projection, Candidates(table),
            [new NpgsqlParameter("theme", theme), Time("at", moment.At), Time("recorded_at", moment.RecordedAt)],
            key => key.StartsWith(theme + "/", StringComparison.Ordinal), session, schemes, cancellation);
        return [.. timelines.Values.SelectMany(timeline => timeline.Inspections)];
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

    private static NpgsqlParameter Time(string name, DateTimeOffset? time) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = time is { } value ? value.ToUniversalTime().AddTicks(-(value.Ticks % 10)) : DBNull.Value };
}
