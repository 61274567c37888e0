using System.Security.Cryptography;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Tests.Ledger.Signing;

/// <summary>Keys for signing tests: the demo key of appsettings.Development.json and fresh ones.</summary>
internal static class TestKeys
{
    /// <summary>The thumbprint of the demo key, computed outside .NET with openssl (see the commit adding it).</summary>
    public const string DemoKeyId = "DoHdZrF4Oa1NpUtO7IcRQDBL0HrKn8JNTt8Crr3cyXk";

    public static string DemoPem()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return settings.RootElement.GetProperty("Ledger").GetProperty("Signing").GetProperty("ActiveKeyPem").GetString()!;
    }

    public static ECDsa NewP256() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string NewP256Pem()
    {
        using var key = NewP256();
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static LedgerKeys Keys(ECDsa active, params ECDsa[] older) => new(active, older);
}
