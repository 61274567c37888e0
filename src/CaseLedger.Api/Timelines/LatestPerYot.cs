using CaseLedger.Api.Scores;
using Npgsql;
using NpgsqlTypes;

namespace CaseLedger.Api.Timelines;

/// <summary>
/// The part of a stored timeline a view of each YOT's latest inspection at a moment can need, cut in PostgreSQL so
/// that the read ships and parses a few inspections a YOT rather than every inspection there ever was (issue 21: the
/// theme view grew with the ledger). An inspection opened after the moment is no one's then, and a YOT's inspection
/// published and opened by the moment is seen by everyone who sees any of its inspections, so nothing older than it
/// can be that YOT's latest: the cut drops exactly those, and the read's own rule
/// (<see cref="TimelineMoment{TFigures}"/>) still chooses among what is left.
/// </summary>
public static class LatestPerYot
{
    /// <summary>
    /// The timeline document <c>t.data</c> with only the inspections opened by the moment given as the parameters
    /// <c>at</c> and <c>recorded_at</c> (null for now) that no later inspection of the same YOT supersedes then.
    /// Orders by the same fieldwork, opening and recording times as
    /// <see cref="TimelineInspection{TFigures}.Chronology"/>; inspections level on all three are never cut by each
    /// other. A stored time is rounded to the microsecond here, so it is taken only a whole microsecond before the
    /// moment, which <see cref="Parameters"/> rounds down, and is after it only two microseconds past: the cut may keep
    /// an inspection it need not, never drop one the read would choose.
    /// </summary>
    public const string Document =
        """
        jsonb_set(t.data, '{inspections}', coalesce((
          select jsonb_agg(ranked.inspection order by ranked.position)
          from (
            select dated.inspection, dated.position, dated.unopened,
              bool_or(dated.taken) over (
                partition by dated.inspection -> 'yot' ->> 'code'
                order by dated.fieldwork desc, dated.opened desc, dated.recorded desc
                range between unbounded preceding and current row exclude group) as superseded
            from (
              select e.inspection, e.position,
                coalesce((e.inspection ->> 'fieldworkStartsOn')::date, ((e.inspection ->> 'openedAt')::timestamptz at time zone 'UTC')::date) as fieldwork,
                (e.inspection ->> 'openedAt')::timestamptz as opened,
                (e.inspection ->> 'openedRecordedAt')::timestamptz as recorded,
                jsonb_array_length(e.inspection -> 'points') > 0
                  and (@at::timestamptz is null or ((e.inspection ->> 'openedAt')::timestamptz + interval '1 microsecond' <= @at::timestamptz
                    and (e.inspection -> 'points' -> 0 ->> 'occurredAt')::timestamptz + interval '1 microsecond' <= @at::timestamptz))
                  and (@recorded_at::timestamptz is null or ((e.inspection ->> 'openedRecordedAt')::timestamptz + interval '1 microsecond' <= @recorded_at::timestamptz
                    and (e.inspection -> 'points' -> 0 ->> 'recordedAt')::timestamptz + interval '1 microsecond' <= @recorded_at::timestamptz)) as taken,
                (e.inspection ->> 'openedAt')::timestamptz - interval '2 microseconds' > @at::timestamptz
                  or (e.inspection ->> 'openedRecordedAt')::timestamptz - interval '2 microseconds' > @recorded_at::timestamptz as unopened
              from jsonb_array_elements(t.data -> 'inspections') with ordinality as e(inspection, position)
            ) dated
          ) ranked
          where ranked.superseded is not true and ranked.unopened is not true), '[]'::jsonb))
        """;

    /// <summary>The moment's two times, each in UTC and rounded down to the microsecond, PostgreSQL's precision.</summary>
    public static NpgsqlParameter[] Parameters(MomentQuery.Moment moment) =>
        [Parameter("at", moment.At), Parameter("recorded_at", moment.RecordedAt)];

    private static NpgsqlParameter Parameter(string name, DateTimeOffset? time) =>
        new(name, NpgsqlDbType.TimestampTz)
        {
            Value = time is { } value ? value.ToUniversalTime().AddTicks(-(value.Ticks % 10)) : DBNull.Value,
        };
}
