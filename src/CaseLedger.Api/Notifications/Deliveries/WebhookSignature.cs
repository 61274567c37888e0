using System.Security.Cryptography;
using System.Text;

namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// Signatures as the Standard Webhooks specification gives them: the secret is <c>whsec_</c> and base64 key bytes;
/// what is signed is <c>id.timestamp.body</c>; the header is <c>v1,</c> and the base64 HMAC-SHA256. A receiver
/// checks with any Standard Webhooks library, or these few lines.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int MinKeyBytes = 24;
    public const int MaxKeyBytes = 64;
    private const int GeneratedKeyBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>The key a secret stands for; null when it is not one.</summary>
    public static byte[]? KeyOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var key = new byte[MaxKeyBytes + 1];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length is >= MinKeyBytes and <= MaxKeyBytes
            ? key[..length]
            : null;
    }

    public static string Sign(string secret, string webhookId, long timestamp, string body)
    {
        var key = KeyOf(secret) ?? throw new ArgumentException("Not a webhook secret.", nameof(secret));
        var signed = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>Whether any of the space-separated signatures in <paramref name="header"/> is this body's, compared
    /// in constant time.</summary>
    public static bool Verify(string secret, string webhookId, long timestamp, string body, string header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, webhookId, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
