using System.Text;
using CaseLedger.Api.Ledger.Export;
using CaseLedger.Api.Ledger.Leaves;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Signing;
using CaseLedger.Tests.Ledger.Export;
using CaseLedger.Tests.Ledger.Merkle;
using CaseLedger.Tests.Ledger.Signing;
using CaseLedger.Verifier;

namespace CaseLedger.Tests.Verifier;

/// <summary>The offline verifier on files it must refuse, with no host or database: each edit is made to a genuine
/// export, and each must be named.</summary>
public sealed class VerifyCommandTests
{
    private readonly SmallExport small = new();

    [Fact]
    public void A_genuine_export_verifies()
    {
        var (exit, output) = Exports.Verify(SmallExport.Json(small.Export));
        Assert.Equal(VerifyCommand.Verified, exit);
        Assert.StartsWith($"OK: inspection {SmallExport.Inspection}: 3 events proved into the head of 4 leaves", output);
    }

    [Fact]
    public void A_changed_leaf_is_named_even_when_its_sealed_hash_is_forged_to_match()
    {
        var changed = SmallExport.Leaf(12, SmallExport.Inspection, 2);
        var forged = small.Export with { Events = [.. small.Export.Events.Select(e => e.Version == 2 ? e with { Leaf = changed, LeafHash = MerkleHash.Leaf(changed) } : e)] };

        AssertFails(SmallExport.Json(forged), "sequence 12 (version 2): leaf 1 does not prove into the signed head of 4 leaves.");
    }

    [Fact]
    public void A_leaf_spelt_other_than_canonically_is_refused()
    {
        var spaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(small.Export.Events[0].Leaf!).Replace(",", ", "));
        var respelt = small.Export with { Events = [small.Export.Events[0] with { Leaf = spaced }, .. small.Export.Events.Skip(1)] };

        AssertFails(SmallExport.Json(respelt), "sequence 11 (version 1): its leaf is not RFC 8785 canonical JSON.");
    }

    [Fact]
    public void A_leaf_listed_as_another_event_is_refused()
    {
        var relisted = small.Export with { Events = [small.Export.Events[0] with { Sequence = 99 }, .. small.Export.Events.Skip(1)] };

        AssertFails(SmallExport.Json(relisted), "sequence 99 (version 1): its leaf is of another event");
    }

    [Fact]
    public void A_head_signed_by_a_key_not_given_is_refused()
    {
        using var other = TestKeys.Keys(TestKeys.NewP256());
        var rekeyed = small.Export with { Keys = other.PublicKeys };

        AssertFails(SmallExport.Json(rekeyed), $"names key {small.Head.KeyId}, which is not among the keys given.");
    }

    [Fact]
    public void A_head_whose_root_was_replaced_does_not_check()
    {
        var reRooted = small.Export with { Head = small.Head with { RootHash = MerkleTestTree.Flipped(small.Head.RootHash, 3) } };

        AssertFails(SmallExport.Json(reRooted), "the signature on the head of 4 leaves does not check");
    }

    [Fact]
    public void A_kept_head_of_the_same_size_with_another_root_means_the_log_was_rewritten()
    {
        var kept = new SmallExport().Head with { KeyId = small.Head.KeyId };
        var rewritten = small.Export with { Head = small.Head };
        // The kept head is re-signed by nobody here, so both failures are named: its signature, and the root.
        var (exit, output) = Exports.Verify(SmallExport.Json(rewritten), SmallExport.Json(kept));

        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains("the two heads sign different roots for the same 4 leaves: the log was rewritten.", output);
        Assert.Contains("earlier head: the signature on the head of 4 leaves does not check", output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--head")]
    [InlineData("a.json --keys b.json")]
    [InlineData("a.json b.json")]
    public void Wrong_arguments_are_a_usage_error(string args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(VerifyCommand.CannotRun, VerifyCommand.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, errors));
        Assert.StartsWith("usage: verify-ledger FILE", errors.ToString());
    }

    [Theory]
    [InlineData("""{"format":"caseledger-export/1","format":"caseledger-export/1"}""", "format")]
    [InlineData("""{"format":"caseledger-export/0"}""", "caseledger-export/0")]
    [InlineData("""{"format":"caseledger-export/1"}""", "cannot read")]
    [InlineData("""{"format":"caseledger-export/1","inspectionId":"6a0c6f7e-1b2a-4c1d-9e3f-5a6b7c8d9e01","head":null,"keys":[],"consistency":null,"events":[],"eventsAfterHead":0}""", "cannot read")]
    [InlineData("not json", "cannot read")]
    [InlineData("null", "cannot read")]
    public void A_file_that_is_not_an_export_cannot_be_verified(string file, string named)
    {
        var (exit, output) = Exports.Verify(file);

        Assert.Equal(VerifyCommand.CannotRun, exit);
        Assert.Contains(named, output);
    }

    private static void AssertFails(string export, string failure)
    {
        var (exit, output) = Exports.Verify(export);
        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains(failure, output);
    }

    /// <summary>A genuine export built in memory, with no host or database: three events of one inspection, sealed as
    /// leaves 0–2 of a tree of four (a leaf of another stream ends it), and a head signed with a fresh key.</summary>
    private sealed class SmallExport
    {
        public static readonly Guid Inspection = Guid.Parse("6a0c6f7e-1b2a-4c1d-9e3f-5a6b7c8d9e01");

        public SmallExport()
        {
            var leaves = Enumerable.Range(1, 3).Select(version => Leaf(10 + version, Inspection, version))
                .Append(Leaf(14, Guid.NewGuid(), 1)).ToList();
            var appended = MerkleAppender.Append(0, [], [.. leaves.Select(leaf => MerkleHash.Leaf(leaf))]);
            var nodes = appended.Nodes.ToDictionary(node => node.Id, node => node.Hash);
            using var keys = TestKeys.Keys(TestKeys.NewP256());
            Head = new TreeHeadSigner(keys).Sign(4, MerkleAppender.RootFromFrontier(4, appended.Frontier), DateTimeOffset.UtcNow);
            Export = new ExportFile(ExportFile.CurrentFormat, Inspection, Head, keys.PublicKeys, null,
                [.. Enumerable.Range(0, 3).Select(i => new ExportedEvent(11 + i, Inspection, i + 1, i, MerkleHash.Leaf(leaves[i]), leaves[i],
                    MerkleProofs.Inclusion(i, 4, nodes)))], 0);
        }

        public TreeHead Head { get; }

        public ExportFile Export { get; }

        public static string Json(object value) => JsonSerializer.Serialize(value, ExportReader.Options);

        public static byte[] Leaf(long sequence, Guid stream, long version)
        {
            using var data = JsonDocument.Parse($$"""{"judgementId":"{{Guid.NewGuid()}}","answer":"sufficient"}""");
            return LeafBytes.Of(new LeafFields(sequence, stream, version, "judgement_recorded", data.RootElement.Clone(),
                new DateTimeOffset(2016, 6, 22, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2016, 6, 21, 9, 30, 0, TimeSpan.Zero), "inspector-1", "inspector", "c-1", 1));
        }
    }
}
