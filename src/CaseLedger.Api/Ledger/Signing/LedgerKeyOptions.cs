namespace CaseLedger.Api.Ledger.Signing;

/// <summary>
/// Where the ledger's signing keys come from (configuration section <c>Ledger:Signing</c>). Keys are ECDSA P-256
/// in PEM (PKCS#8 <c>PRIVATE KEY</c> or SEC 1 <c>EC PRIVATE KEY</c> for the active key; <c>PUBLIC KEY</c> or a
/// private key for published ones). Paths are absolute or relative to the content root.
/// <para>
/// ECDSA P-256 with SHA-256 and not Ed25519: .NET 10's System.Security.Cryptography has no Ed25519 type (it names
/// Ed25519 only inside its composite ML-DSA algorithms), and DESIGN §10 allows P-256 where Ed25519 is missing.
/// </para>
/// </summary>
public sealed class LedgerKeyOptions
{
    public const string Section = "Ledger:Signing";

    /// <summary>The active private key inline, in PEM. Development only: its demo key lives in
    /// appsettings.Development.json; anywhere else a key in configuration text is refused.</summary>
    public string? ActiveKeyPem { get; set; }

    /// <summary>The path of a PEM file holding the active private key; required outside Development.</summary>
    public string? ActiveKeyFile { get; set; }

    /// <summary>Paths of PEM files with older keys whose heads must still verify after a rotation.</summary>
    public List<string> PublishedKeyFiles { get; set; } = [];

    /// <summary>Older keys inline, in PEM, for the same purpose.</summary>
    public List<string> PublishedKeysPem { get; set; } = [];
}
