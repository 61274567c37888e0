using System.Globalization;
using System.Text;

namespace CaseLedger.Api.Scores;

/// <summary>RFC 4180 CSV for the views that reporting clients export; asked for with <c>Accept: text/csv</c>.</summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    public static bool Wanted(HttpContext http) =>
        http.Request.Headers.Accept.Any(value => value?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true);

    public static IResult Write(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return Results.Text(text.ToString(), $"{MediaType}; charset=utf-8", Encoding.UTF8);
    }

    private static void Line(StringBuilder text, IEnumerable<object?> values)
    {
        text.AppendJoin(',', values.Select(Field));
        text.Append("\r\n");
    }

    private static string Field(object? value)
    {
        var raw = value switch
        {
            null => "",
            decimal number => number.ToString("0.####", CultureInfo.InvariantCulture),
            double number => number.ToString("0.####", CultureInfo.InvariantCulture),
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return raw.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{raw.Replace("\"", "\"\"")}\"" : raw;
    }
}
