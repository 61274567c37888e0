using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

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
    // One scratch buffer a thread: writing never awaits, so a thread's writer is never in two writes at once, and a
    // leaf costs the sealer and the checks one array (the result) rather than a buffer that grows for every event.
    [ThreadStatic] private static ArrayBufferWriter<byte>? scratch;

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    public static byte[] Serialize(JsonElement value) => Serialize(value, static (element, output) => Write(element, output));

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

    /// <summary>The bytes <paramref name="write"/> puts down, written through this thread's scratch buffer: for a
    /// caller that lays out a canonical object itself (members already in order) with the writers below.</summary>
    public static byte[] Serialize<TState>(TState state, Action<TState, IBufferWriter<byte>> write) =>
        Written(state, write, static bytes => bytes.ToArray());

    /// <summary>What <paramref name="use"/> makes of the bytes <paramref name="write"/> puts down in this thread's
    /// scratch buffer, which are gone once it returns: for a caller that needs only something of them (a hash).</summary>
    public static TResult Written<TState, TResult>(TState state, Action<TState, IBufferWriter<byte>> write, Func<ReadOnlySpan<byte>, TResult> use)
    {
        var output = scratch ??= new ArrayBufferWriter<byte>(1024);
        output.ResetWrittenCount();
        write(state, output);
        return use(output.WrittenSpan);
    }

    /// <summary>Writes <paramref name="value"/> canonically.</summary>
    public static void Write(JsonElement value, IBufferWriter<byte> output)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object: CanonicalObject.Write(value, output); break;
            case JsonValueKind.Array:
                Ascii("[", output);
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) Ascii(",", output);
                    first = false;
                    Write(item, output);
                }
                Ascii("]", output);
                break;
            case JsonValueKind.String: WriteStringValue(value, output); break;
            case JsonValueKind.Number: WriteNumberValue(value, output); break;
            case JsonValueKind.True: Ascii("true", output); break;
            case JsonValueKind.False: Ascii("false", output); break;
            case JsonValueKind.Null: Ascii("null", output); break;
            default: throw new ArgumentException($"A {value.ValueKind} is not a JSON value.", nameof(value));
        }
    }

    /// <summary>Writes a whole number as ECMAScript does.</summary>
    public static void WriteNumber(long value, IBufferWriter<byte> output)
    {
        // Up to fifteen digits a double holds a whole number exactly, and ECMAScript writes it as plain digits.
        if (value is > -1_000_000_000_000_000L and < 1_000_000_000_000_000L)
        {
            var span = output.GetSpan(20);
            Utf8Formatter.TryFormat(value, span, out var written);
            output.Advance(written);
        }
        else Ascii(EcmaNumber.Format(value), output);
    }

    /// <summary>§3.2.2.2: the escapes JSON.stringify uses, lowercase hex for other controls, all else literal; a lone
    /// surrogate, which UTF-8 cannot carry, is refused.</summary>
    public static void WriteString(string value, IBufferWriter<byte> output)
    {
        Ascii("\"", output);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAny(Escaped);
            if (plain < 0) plain = rest.Length;
            Utf8Of(rest[..plain], output);
            if (plain == rest.Length) break;
            var c = rest[plain];
            Ascii(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
            }, output);
            rest = rest[(plain + 1)..];
        }
        Ascii("\"", output);
    }

    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\" + string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)));

    /// <summary>Writes <paramref name="value"/>'s invariant text in <paramref name="format"/> as a JSON string,
    /// formatted straight into the output: a leaf writes a uuid and two times for every event, and a string made for
    /// each was garbage at once. Text with anything to escape (no uuid or time has any) is written
    /// as <see cref="WriteString"/> writes it.</summary>
    public static void WriteFormatted<T>(T value, string format, IBufferWriter<byte> output) where T : IUtf8SpanFormattable, IFormattable
    {
        var span = output.GetSpan(FormattedLimit + 2);
        if (value.TryFormat(span[1..(FormattedLimit + 1)], out var written, format, CultureInfo.InvariantCulture)
            && span.Slice(1, written).IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0
            && span.Slice(1, written).IndexOfAny((byte)'"', (byte)'\\') < 0)
        {
            span[0] = span[written + 1] = (byte)'"';
            output.Advance(written + 2);
        }
        else WriteString(value.ToString(format, CultureInfo.InvariantCulture), output);
    }

    // Longer than any uuid or time; anything longer goes the way of any other string.
    private const int FormattedLimit = 64;

    /// <summary>ASCII text, as is.</summary>
    public static void Ascii(string text, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        output.Advance(text.Length);
    }

    private static void Utf8Of(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        if (text.IsEmpty) return;
        var span = output.GetSpan(text.Length * 3);
        if (Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            throw new ArgumentException("A string holds a lone surrogate, which I-JSON forbids.");
        output.Advance(written);
    }

    /// <summary>A string with no escape in its JSON is its own UTF-8 (JSON allows no raw quote or control character
    /// inside one), so valid UTF-8 is copied as it stands; anything else is decoded and written afresh.</summary>
    private static void WriteStringValue(JsonElement value, IBufferWriter<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var inner = raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;
        if (inner.IndexOf((byte)'\\') < 0 && Utf8.IsValid(inner))
        {
            Ascii("\"", output);
            output.Write(inner);
            Ascii("\"", output);
        }
        else WriteString(StringOf(value), output);
    }

    /// <summary>A plain whole number of up to fifteen digits is already in ECMAScript's form; any other is read as
    /// a double and written afresh (an out-of-range literal becomes an infinity, which Format refuses by name).</summary>
    private static void WriteNumberValue(JsonElement value, IBufferWriter<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        // No leading zero, and zero only unsigned: "-0" is ECMAScript's "0".
        var plain = digits.Length is > 0 and <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
                    && (digits[0] != (byte)'0' || raw.Length == 1);
        if (plain) output.Write(raw);
        else Ascii(EcmaNumber.Format(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)), output);
    }

    // System.Text.Json throws InvalidOperationException for text it cannot decode (a lone surrogate escape).
    private static string StringOf(JsonElement value)
    {
        try { return value.GetString()!; }
        catch (InvalidOperationException bad) { throw new ArgumentException("A string is not valid Unicode.", bad); }
    }
}
