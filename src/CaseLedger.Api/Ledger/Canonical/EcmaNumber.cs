using System.Globalization;
using System.Text;

namespace CaseLedger.Api.Ledger.Canonical;

/// <summary>
/// ECMAScript's Number-to-string (ECMA-262 Number::toString, which RFC 8785 §3.2.2.3 adopts): the shortest digits
/// that read back as the same double, placed by ECMAScript's own rules for when to use an exponent. .NET's
/// round-trip format ("R", shortest since .NET Core 3.0) supplies the digits; only the layout differs from .NET's,
/// so the layout is done here.
/// </summary>
public static class EcmaNumber
{
    /// <summary>The canonical text of <paramref name="value"/>; NaN and the infinities have none and are refused.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{value} is not a JSON number: I-JSON has no NaN or Infinity.", nameof(value));
        if (value == 0) return "0"; // and -0, as ECMAScript writes it
        if (value < 0) return "-" + Format(-value);

        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        var text = new StringBuilder();
        if (k <= n && n <= 21)
            text.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21)
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0)
            text.Append("0.").Append('0', -n).Append(digits);
        else
        {
            var exponent = n - 1;
            text.Append(digits[0]);
            if (k > 1) text.Append('.').Append(digits, 1, k - 1);
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>
    /// The shortest decimal digits s (no leading or trailing zeros) and the exponent n with value = 0.s × 10^n,
    /// which are ECMAScript's s and n (its k is the number of digits).
    /// </summary>
    private static (string Digits, int N) ShortestDigits(double positive)
    {
        var roundTrip = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits + exponent - leadingZeros);
    }
}
