using System.Security.Cryptography;

namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// The ledger's keys for the life of the host: the active private key, which signs new tree heads, and every
/// public key a head may have been signed with (the active one first, then older ones kept for rotation). The
/// private key never leaves this object: callers ask it to <see cref="Sign"/>.
/// </summary>
public sealed class LedgerKeys : IDisposable
{
    private readonly ECDsa active;

    /// <summary>Takes ownership of <paramref name="active"/>; of <paramref name="older"/> only the public
    /// halves are kept, so the caller still owns and disposes those.</summary>
    public LedgerKeys(ECDsa active, IEnumerable<ECDsa> older)
    {
        this.active = active;
        var activeJwk = PublicJwk.Of(active);
        ActiveKeyId = activeJwk.Kid;
        PublicKeys = older.Select(PublicJwk.Of).Prepend(activeJwk).DistinctBy(key => key.Kid).ToList();
    }

    /// <summary>The RFC 7638 thumbprint of the active key: the <c>keyId</c> of every head it signs.</summary>
    public string ActiveKeyId { get; }

    /// <summary>Every key a head may be verified with, as JWKs: what the API serves to auditors.</summary>
    public IReadOnlyList<PublicJwk> PublicKeys { get; }

    /// <summary>
    /// ECDSA P-256 over SHA-256 of <paramref name="data"/> with the active key, as the 64-byte IEEE P1363 r||s that
    /// JOSE's ES256 uses (not .NET's DER default), so any JWS library can check it.
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        active.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The keys <paramref name="options"/> name; file paths are relative to <paramref name="contentRoot"/>.
    /// Throws <see cref="InvalidOperationException"/> naming the setting that is missing or unusable.</summary>
    public static LedgerKeys Load(LedgerKeyOptions options, string contentRoot)
    {
        var section = LedgerKeyOptions.Section;
        var fromFile = !string.IsNullOrWhiteSpace(options.ActiveKeyFile);
        var activeSetting = fromFile ? $"{section}:ActiveKeyFile" : $"{section}:ActiveKeyPem";
        var activePem = fromFile
            ? LedgerKeyPem.ReadFile(options.ActiveKeyFile!, contentRoot, activeSetting)
            : options.ActiveKeyPem ?? throw new InvalidOperationException($"No ledger signing key: set {section}:ActiveKeyFile.");

        var older = new List<ECDsa>();
        try
        {
            for (var i = 0; i < options.PublishedKeyFiles.Count; i++)
            {
                var setting = $"{section}:PublishedKeyFiles:{i}";
                older.Add(LedgerKeyPem.P256Key(LedgerKeyPem.ReadFile(options.PublishedKeyFiles[i], contentRoot, setting), setting));
            }
            for (var i = 0; i < options.PublishedKeysPem.Count; i++)
                older.Add(LedgerKeyPem.P256Key(options.PublishedKeysPem[i], $"{section}:PublishedKeysPem:{i}"));
            return new LedgerKeys(LedgerKeyPem.PrivateKey(activePem, activeSetting), older);
        }
        finally
        {
            foreach (var key in older) key.Dispose();
        }
    }

    public void Dispose() => active.Dispose();
}
