using System.Security.Cryptography;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// Reads the PEM keys <see cref="LedgerKeyOptions"/> names. Every failure is an
/// <see cref="InvalidOperationException"/> whose message names the setting, because it reaches an operator as
/// the reason the API would not start.
/// </summary>
internal static class LedgerKeyPem
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static string ReadFile(string path, string contentRoot, string setting)
    {
        var full = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(full))
            throw new InvalidOperationException($"{setting} names {full}, which does not exist.");
        return File.ReadAllText(full);
    }

    /// <summary>A P-256 key that can sign.</summary>
    public static ECDsa PrivateKey(string pem, string setting)
    {
        var key = P256Key(pem, setting);
        try
        {
            key.ExportParameters(includePrivateParameters: true);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting} holds a public key; the active key must be a private key.");
        }
    }

    /// <summary>A P-256 key, public or private; only its public half is used.</summary>
    public static ECDsa P256Key(string pem, string setting)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting} is not a PEM-encoded EC key: {unreadable.Message}");
        }
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || !(curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256"))
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting} holds a key on another curve; the ledger signs with ECDSA P-256.");
        }
        return key;
    }
}
