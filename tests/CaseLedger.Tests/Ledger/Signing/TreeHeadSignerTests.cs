using System.Security.Cryptography;
using System.Text;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Tests.Ledger.Signing;

public class TreeHeadSignerTests
{
    private static readonly byte[] Root = SHA256.HashData("root"u8);
    private static readonly DateTimeOffset At = new DateTimeOffset(2016, 6, 22, 10, 30, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567);

    [Fact]
    public void A_head_verifies_with_only_the_public_key_imported_from_its_jwk()
    {
        using var keys = TestKeys.Keys(TestKeys.NewP256());
        var head = new TreeHeadSigner(keys).Sign(42, Root, At);
        var jwk = JsonSerializer.Deserialize<PublicJwk>(JsonSerializer.Serialize(keys.PublicKeys[0]))!;

        Assert.Equal(keys.ActiveKeyId, head.KeyId);
        Assert.True(TreeHeadSigner.Verify(head, jwk));
        using var publicOnly = jwk.ToECDsa();
        Assert.True(TreeHeadSigner.Verify(head, publicOnly));
    }

    [Fact]
    public void The_signed_bytes_are_the_canonical_head_without_its_signature()
    {
        var head = new TreeHead(42, Root, At, "kid-1", new byte[64]);
        var expected = $$"""{"keyId":"kid-1","rootHash":"{{Convert.ToBase64String(Root)}}","timestamp":"2016-06-22T09:30:00.123Z","treeSize":42}""";

        Assert.Equal(expected, Encoding.UTF8.GetString(TreeHeadSigner.SignedBytes(head)));
    }

    [Fact]
    public void The_head_keeps_the_timestamp_it_signed_and_writes_it_in_utc_milliseconds()
    {
        using var keys = TestKeys.Keys(TestKeys.NewP256());
        var head = new TreeHeadSigner(keys).Sign(42, Root, At);

        Assert.Equal(new DateTimeOffset(2016, 6, 22, 9, 30, 0, 123, TimeSpan.Zero), head.Timestamp);
        Assert.Equal(TimeSpan.Zero, head.Timestamp.Offset);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(head));
        Assert.Equal(["treeSize", "rootHash", "timestamp", "keyId", "signature"], json.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Equal("2016-06-22T09:30:00.123Z", json.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal(Convert.ToBase64String(Root), json.RootElement.GetProperty("rootHash").GetString());
        Assert.Equal(88, json.RootElement.GetProperty("signature").GetString()!.Length); // 64 bytes, padded base64

        var read = JsonSerializer.Deserialize<TreeHead>(json.RootElement.GetRawText())!;
        Assert.True(TreeHeadSigner.Verify(read, keys.PublicKeys));
    }

    public static TheoryData<string> Tamperings => ["treeSize", "rootHash", "timestamp", "keyId", "signature"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Any_changed_member_fails_verification(string member)
    {
        using var keys = TestKeys.Keys(TestKeys.NewP256());
        var head = new TreeHeadSigner(keys).Sign(42, Root, At);
        var changed = member switch
        {
            "treeSize" => head with { TreeSize = 43 },
            "rootHash" => head with { RootHash = Flip(head.RootHash, 31) },
            "timestamp" => head with { Timestamp = head.Timestamp.AddMilliseconds(1) },
            "keyId" => head with { KeyId = head.KeyId[..^1] + (head.KeyId[^1] == 'A' ? 'B' : 'A') },
            _ => head with { Signature = Flip(head.Signature, 0) },
        };

        Assert.True(TreeHeadSigner.Verify(head, keys.PublicKeys));
        Assert.False(TreeHeadSigner.Verify(changed, keys.PublicKeys));
    }

    [Fact]
    public void After_rotation_a_head_signed_by_the_older_key_verifies_against_the_published_set()
    {
        using var olderKeys = TestKeys.Keys(TestKeys.NewP256());
        var oldHead = new TreeHeadSigner(olderKeys).Sign(10, Root, At);
        using var olderPublic = olderKeys.PublicKeys[0].ToECDsa();
        using var rotated = TestKeys.Keys(TestKeys.NewP256(), olderPublic);
        var signer = new TreeHeadSigner(rotated);
        var newHead = signer.Sign(20, Root, At);

        Assert.NotEqual(oldHead.KeyId, newHead.KeyId);
        Assert.True(signer.Verify(oldHead));
        Assert.True(signer.Verify(newHead));
        Assert.False(TreeHeadSigner.Verify(oldHead, rotated.PublicKeys[0])); // the active key did not sign it
    }

    [Fact]
    public void A_head_whose_key_is_not_published_fails()
    {
        using var stranger = TestKeys.Keys(TestKeys.NewP256());
        using var ours = TestKeys.Keys(TestKeys.NewP256());
        var head = new TreeHeadSigner(stranger).Sign(1, Root, At);

        Assert.False(new TreeHeadSigner(ours).Verify(head));
    }

    [Fact]
    public void A_published_key_whose_kid_is_forged_is_not_chosen_by_that_kid()
    {
        using var stranger = TestKeys.Keys(TestKeys.NewP256());
        using var ours = TestKeys.Keys(TestKeys.NewP256());
        var head = new TreeHeadSigner(stranger).Sign(1, Root, At);
        var forged = ours.PublicKeys[0] with { Kid = head.KeyId };

        Assert.False(TreeHeadSigner.Verify(head, [forged]));
    }

    [Fact]
    public void A_root_hash_that_is_not_a_sha256_digest_is_refused()
    {
        using var keys = TestKeys.Keys(TestKeys.NewP256());
        Assert.Throws<ArgumentException>(() => new TreeHeadSigner(keys).Sign(1, new byte[31], At));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x01;
        return copy;
    }
}
