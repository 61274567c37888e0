using System.Security.Cryptography;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Tests.Ledger.Signing;

public class LedgerKeysTests
{
    [Fact]
    public void The_development_demo_key_loads_with_its_known_thumbprint()
    {
        using var keys = LedgerKeys.Load(new LedgerKeyOptions { ActiveKeyPem = TestKeys.DemoPem() }, AppContext.BaseDirectory);

        Assert.Equal(TestKeys.DemoKeyId, keys.ActiveKeyId);
        Assert.Equal([TestKeys.DemoKeyId], keys.PublicKeys.Select(key => key.Kid));
    }

    [Fact]
    public void Published_keys_follow_the_active_key_and_a_repeat_is_listed_once()
    {
        using var older = TestKeys.NewP256();
        var olderPublicPem = older.ExportSubjectPublicKeyInfoPem();
        var folder = Directory.CreateTempSubdirectory("ledger-keys");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "older.pem"), olderPublicPem);
            File.WriteAllText(Path.Combine(folder.FullName, "active.pem"), TestKeys.DemoPem());
            var options = new LedgerKeyOptions
            {
                ActiveKeyFile = "active.pem",
                PublishedKeyFiles = ["older.pem"],
                PublishedKeysPem = [olderPublicPem, TestKeys.DemoPem()],
            };
            using var keys = LedgerKeys.Load(options, folder.FullName);

            Assert.Equal([TestKeys.DemoKeyId, PublicJwk.Of(older).Kid], keys.PublicKeys.Select(key => key.Kid));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Signatures_are_64_byte_p1363_es256()
    {
        using var keys = TestKeys.Keys(TestKeys.NewP256());
        var signature = keys.Sign("data"u8);

        Assert.Equal(64, signature.Length);
        using var verifier = keys.PublicKeys[0].ToECDsa();
        Assert.True(verifier.VerifyData("data"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
