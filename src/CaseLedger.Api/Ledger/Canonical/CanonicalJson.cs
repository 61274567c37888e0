using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseLedger.Api.Ledger.Canonical;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme) serialisation: the one byte string a JSON value hashes and signs as,
/// so a leaf or a tree head recomputed later, by this API or by an auditor's own tool in another language, gives
/// the same bytes. Object members are sorted by the UTF-16 code units of their names, nothing is indented,
/// strings are escaped as ECMAScript's JSON.stringify escapes them (§3.2.2.2) and numbers are written as
/// ECMAScript writes a Number (§3.2.2.3, see <see cref="EcmaNumber"/>).
/// <para>
/// Written here rather than taken from a package because no JCS library is served by the package source this
/// project restores from; the scheme is small and the RFC's own examples pin it down (see the tests).
/// </para>
/// <para>
/// What I-JSON (RFC 7493) forbids is refused with an <see cref="ArgumentException"/> rather than written in some
/// form nobody else would reproduce: duplicate member names, lone surrogates, NaN and the infinities. Numbers are
/// IEEE 754 doubles, as in ECMAScript: an integer beyond 2^53 is written as its nearest double.
/// </para>
/// </summary>
public static class CanonicalJson
{
    // Strict: a lone surrogate is an error, never silently replaced by U+FFFD.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    public static byte[] Serialize(JsonElement value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return Encode(text);
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/> (null is JSON null).</summary>
    public static byte[] Serialize(JsonNode? value)
    {
        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(value);
        }
        catch (ArgumentException refused)
        {
            // System.Text.Json refuses NaN and the infinities held in a JsonValue.
            throw new ArgumentException($"Not I-JSON, so it has no canonical form: {refused.Message}", nameof(value), refused);
        }
        return Serialize(element);
    }

    private static byte[] Encode(StringBuilder text)
    {
        try
        {
            return Utf8.GetBytes(text.ToString());
        }
        catch (EncoderFallbackException lone)
        {
            throw new ArgumentException("A string holds a lone surrogate, which I-JSON forbids.", lone);
        }
    }

    private static void Write(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object: WriteObject(value, text); break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String: WriteString(StringOf(value), text); break;
            case JsonValueKind.Number: text.Append(EcmaNumber.Format(NumberOf(value))); break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            case JsonValueKind.Null: text.Append("null"); break;
            default: throw new ArgumentException($"A {value.ValueKind} is not a JSON value.", nameof(value));
        }
    }

    private static void WriteObject(JsonElement value, StringBuilder text)
    {
        var members = value.EnumerateObject().Select(member => (Name: NameOf(member), member.Value)).ToList();
        // Ordinal comparison of .NET strings is comparison of UTF-16 code units, as §3.2.3 asks.
        members.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        text.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (members[i].Name == members[i - 1].Name)
                    throw new ArgumentException($"The member name \"{members[i].Name}\" appears twice in one object, which I-JSON forbids.");
                text.Append(',');
            }
            WriteString(members[i].Name, text);
            text.Append(':');
            Write(members[i].Value, text);
        }
        text.Append('}');
    }

    // System.Text.Json throws InvalidOperationException for text it cannot decode (a lone surrogate escape).
    private static string StringOf(JsonElement value)
    {
        try { return value.GetString()!; }
        catch (InvalidOperationException bad) { throw new ArgumentException("A string is not valid Unicode.", bad); }
    }

    private static string NameOf(JsonProperty member)
    {
        try { return member.Name; }
        catch (InvalidOperationException bad) { throw new ArgumentException("A member name is not valid Unicode.", bad); }
    }

    private static double NumberOf(JsonElement value)
    {
        // Parsing the literal itself: out-of-range literals become infinities, which Format refuses by name.
        return double.Parse(value.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>§3.2.2.2: the escapes JSON.stringify uses, lowercase hex for other controls, all else literal.</summary>
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
