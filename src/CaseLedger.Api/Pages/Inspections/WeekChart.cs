using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>
/// The week-by-week chart's geometry, worked out here so that the page only draws it (as server-side SVG, no
/// script): one line per headline theme across the points. The scale spans the scores in tens (at least 30 points
/// of it, and labelled), because headline scores sit within a few points of each other and on a full 0–100 scale
/// their lines lie on top of one another; a line chart's reader reads the change, not the bar's length. Each theme has its own colour from the
/// Okabe–Ito palette, which reads under the common colour-vision deficiencies, and its own dash and marker, so it
/// reads in black-and-white print too.
/// </summary>
public sealed record WeekChart(IReadOnlyList<WeekChart.Axis> Points, IReadOnlyList<WeekChart.Series> Lines, int Floor, int Ceiling)
{
    public const int Width = 720, Height = 360, Left = 56, Right = 24, Top = 16, Bottom = 56, Inset = 48;
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly string[] Dashes = ["", "8 4", "2 4", "12 4 2 4", "4 2", "1 2"];

    public sealed record Axis(string Label, string Point, double X);

    public sealed record Dot(string Point, int Score, double X, double Y);

    public sealed record Series(string ThemeId, string Title, string Colour, string Dash, IReadOnlyList<Dot> Dots)
    {
        public string Polyline => string.Join(' ', Dots.Select(dot => $"{Number(dot.X)},{Number(dot.Y)}"));
    }

    public IEnumerable<int> Gridlines => Enumerable.Range(0, (Ceiling - Floor) / 10 + 1).Select(step => Floor + 10 * step);

    public double YOf(double score) => Top + (Ceiling - score) / (Ceiling - Floor) * (Height - Top - Bottom);

    public static WeekChart Draw(IReadOnlyList<WeekPages.WeekPoint> points)
    {
        // The first and last points sit in from the plot's edges, so their labels are not cut off.
        var plotWidth = Width - Left - Right - 2 * Inset;
        double XOf(int index) => points.Count == 1 ? Left + Inset + plotWidth / 2.0 : Left + Inset + index * plotWidth / (double)(points.Count - 1);
        var axes = points.Select((point, index) => new Axis(point.Label, point.Point, XOf(index))).ToList();
        var themes = points[^1].Scores.Scores.Where(score => score.Kind == ScopeKind.Theme).Select(score => (score.Id, score.Title)).ToList();
        var scored = themes.Select(theme => (theme, dots: points
                .Select((point, at) => (point, at, score: point.Scores.Scores.FirstOrDefault(s => s.Kind == ScopeKind.Theme && s.Id == theme.Id)?.Score))
                .Where(p => p.score is not null).ToList()))
            .Where(line => line.dots.Count > 0).ToList();
        var all = scored.SelectMany(line => line.dots.Select(dot => dot.score!.Value)).DefaultIfEmpty(50).ToList();
        var floor = Math.Max(0, all.Min() / 10 * 10);
        var ceiling = Math.Min(100, (all.Max() + 9) / 10 * 10);
        for (var widen = 0; ceiling - floor < 30; widen++)
            (floor, ceiling) = widen % 2 == 0 && ceiling < 100 || floor == 0 ? (floor, ceiling + 10) : (floor - 10, ceiling);
        var chart = new WeekChart(axes, [], floor, ceiling);
        return chart with
        {
            Lines = [.. scored.Select((line, index) => new Series(line.theme.Id, line.theme.Title, Colours[index % Colours.Length], Dashes[index % Dashes.Length],
                [.. line.dots.Select(p => new Dot(p.point.Point, p.score!.Value, XOf(p.at), chart.YOf(p.score.Value)))]))],
        };
    }

    public static string Number(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
