using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Pages.Inspections;

/// <summary>
/// The week-by-week chart's geometry, worked out here so that the page only draws it (as server-side SVG, no
/// script): one line per headline theme across the points, 0–100% upwards. Each theme has its own colour from the
/// Okabe–Ito palette, which reads under the common colour-vision deficiencies, and its own dash and marker, so it
/// reads in black-and-white print too.
/// </summary>
public sealed record WeekChart(IReadOnlyList<WeekChart.Axis> Points, IReadOnlyList<WeekChart.Series> Lines)
{
    public const int Width = 720, Height = 320, Left = 56, Right = 24, Top = 16, Bottom = 56;
    public static readonly int[] Gridlines = [0, 25, 50, 75, 100];
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly string[] Dashes = ["", "8 4", "2 4", "12 4 2 4", "4 2", "1 2"];

    public sealed record Axis(string Label, string Point, double X);

    public sealed record Dot(string Point, int Score, double X, double Y);

    public sealed record Series(string ThemeId, string Title, string Colour, string Dash, IReadOnlyList<Dot> Dots)
    {
        public string Polyline => string.Join(' ', Dots.Select(dot => $"{Number(dot.X)},{Number(dot.Y)}"));
    }

    public static double YOf(double score) => Top + (100 - score) / 100 * (Height - Top - Bottom);

    public static WeekChart Draw(IReadOnlyList<WeekPages.WeekPoint> points)
    {
        var plotWidth = Width - Left - Right;
        double XOf(int index) => points.Count == 1 ? Left + plotWidth / 2.0 : Left + index * plotWidth / (double)(points.Count - 1);
        var axes = points.Select((point, index) => new Axis(point.Label, point.Point, XOf(index))).ToList();
        var themes = points[^1].Scores.Scores.Where(score => score.Kind == ScopeKind.Theme).Select(score => (score.Id, score.Title)).ToList();
        var lines = themes.Select((theme, index) => new Series(theme.Id, theme.Title, Colours[index % Colours.Length], Dashes[index % Dashes.Length],
            [.. points.Select((point, at) => (point, at, score: point.Scores.Scores.FirstOrDefault(s => s.Kind == ScopeKind.Theme && s.Id == theme.Id)?.Score))
                .Where(p => p.score is not null)
                .Select(p => new Dot(p.point.Point, p.score!.Value, XOf(p.at), YOf(p.score.Value)))]))
            .Where(series => series.Dots.Count > 0)
            .ToList();
        return new WeekChart(axes, lines);
    }

    public static string Number(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
