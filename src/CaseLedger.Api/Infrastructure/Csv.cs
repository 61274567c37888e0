using System.Globalization;
using System.Text;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// RFC 4180 CSV for the views that reporting clients export, asked for with <c>Accept: text/csv</c> and sent as an
/// attachment with a name that says what it holds. Text is data, not formulas: a cell a spreadsheet would run
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with <c>'</c>, as
/// OWASP's CSV-injection guidance says. Numbers are written as numbers, so a delta of -3 stays -3.
/// </summary>
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
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), $"{MediaType}; charset=utf-8", fileName);
    }

    /// <summary>A file name from the parts that say what the file holds: lower-case words and digits joined by hyphens.</summary>
    public static string FileName(params string?[] parts)
    {
        var words = parts.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => new string(
            [.. part!.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-')]).Trim('-'));
        var name = string.Join('-', words.Where(word => word.Length > 0));
        while (name.Contains("--", StringComparison.Ordinal)) name = name.Replace("--", "-", StringComparison.Ordinal);
        return $"{name}.csv";
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
            string text => Neutralised(text),
            decimal number => number.ToString("0.####", CultureInfo.InvariantCulture),
            double number => number.ToString("0.####", CultureInfo.InvariantCulture),
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralised(value.ToString() ?? ""),
        };
        return raw.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{raw.Replace("\"", "\"\"")}\"" : raw;
    }

    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
