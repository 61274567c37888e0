using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CaseLedger.Api.Ledger.Canonical;

/// <summary>
/// An object as RFC 8785 writes it (§3.2.3): its members sorted by the UTF-16 code units of their names, each name
/// once, each value written canonically by <see cref="CanonicalJson"/>.
/// </summary>
internal static class CanonicalObject
{
    /// <summary>Writes the object <paramref name="value"/> canonically.</summary>
    public static void Write(JsonElement value, IBufferWriter<byte> output)
    {
        var count = value.GetPropertyCount();
        var rented = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var members = rented.AsSpan(0, count);
            var plain = true;
            var i = 0;
            foreach (var member in value.EnumerateObject())
            {
                members[i++] = member;
                plain &= IsPlainName(JsonMarshal.GetRawUtf8PropertyName(member));
            }
            if (plain) WritePlain(members, output);
            else WriteByNames(value, output);
        }
        finally
        {
            // Cleared: a member holds its document, which the pool must not keep.
            ArrayPool<JsonProperty>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>Printable ASCII with no escape: such a name is its own canonical form, and its bytes sort as its
    /// UTF-16 code units do. Every member of every event is named so; a check writes a leaf for each event, and
    /// decoding each name into a string to sort by was a tenth of what verify allocated.</summary>
    private static bool IsPlainName(ReadOnlySpan<byte> raw) =>
        !raw.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) && raw.IndexOf((byte)'\\') < 0;

    private static void WritePlain(Span<JsonProperty> members, IBufferWriter<byte> output)
    {
        members.Sort(static (left, right) =>
            JsonMarshal.GetRawUtf8PropertyName(left).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(right)));
        CanonicalJson.Ascii("{", output);
        for (var i = 0; i < members.Length; i++)
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(members[i]);
            if (i > 0)
            {
                if (name.SequenceEqual(JsonMarshal.GetRawUtf8PropertyName(members[i - 1])))
                    throw new ArgumentException($"The member name \"{Encoding.ASCII.GetString(name)}\" appears twice in one object, which I-JSON forbids.");
                CanonicalJson.Ascii(",", output);
            }
            CanonicalJson.Ascii("\"", output);
            output.Write(name);
            CanonicalJson.Ascii("\":", output);
            CanonicalJson.Write(members[i].Value, output);
        }
        CanonicalJson.Ascii("}", output);
    }

    private static void WriteByNames(JsonElement value, IBufferWriter<byte> output)
    {
        var members = value.EnumerateObject().Select(member => (Name: NameOf(member), member.Value)).ToList();
        // Ordinal comparison of .NET strings is comparison of UTF-16 code units, as §3.2.3 asks.
        members.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        CanonicalJson.Ascii("{", output);
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (members[i].Name == members[i - 1].Name)
                    throw new ArgumentException($"The member name \"{members[i].Name}\" appears twice in one object, which I-JSON forbids.");
                CanonicalJson.Ascii(",", output);
            }
            CanonicalJson.WriteString(members[i].Name, output);
            CanonicalJson.Ascii(":", output);
            CanonicalJson.Write(members[i].Value, output);
        }
        CanonicalJson.Ascii("}", output);
    }

    private static string NameOf(JsonProperty member)
    {
        try { return member.Name; }
        catch (InvalidOperationException bad) { throw new ArgumentException("A member name is not valid Unicode.", bad); }
    }
}
