using System.Security.Cryptography;
using System.Text;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Ids derived from stable names, the name-based UUID scheme of RFC 9562 (version 5: SHA-1 over a namespace and
/// the name): the same name gives the same id in every process and every database.
/// </summary>
public static class NameBasedIds
{
    public static Guid From(Guid @namespace, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        @namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
