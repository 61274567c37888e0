using System.Text.Json;
using CaseLedger.Api.Ledger.Canonical;
using CaseLedger.Api.Ledger.Export;
using CaseLedger.Api.Ledger.Merkle;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Verifier;

/// <summary>
/// Everything an export can prove on its own, from its bytes and the public key: the head is signed by the key it
/// names; each event's leaf is canonical JSON of that event, hashes to what was sealed, and proves into the head;
/// and the inspection's versions run 1, 2, 3… with none missing. Nothing the server says about a leaf is taken on
/// trust: the verifier hashes every leaf itself.
/// </summary>
public static class ExportCheck
{
    public static List<string> Verify(ExportFile export)
    {
        var failures = new List<string>();
        if (HeadFailure(export.Head, export.Keys) is { } unsigned) failures.Add(unsigned);
        if (export.Events.Count == 0) failures.Add("the export holds no events of the inspection.");
        foreach (var e in export.Events)
            if (EventFailure(export, e) is { } failure) failures.Add($"{Name(e)}: {failure}");
        failures.AddRange(VersionFailures(export.Events));
        return failures;
    }

    /// <summary>Why <paramref name="head"/> is not signed by one of <paramref name="keys"/>, or null if it is.</summary>
    public static string? HeadFailure(TreeHead head, IReadOnlyList<PublicJwk> keys)
    {
        if (keys.All(key => key.Thumbprint() != head.KeyId))
            return $"the head of {head.TreeSize} leaves names key {head.KeyId}, which is not among the keys given.";
        return TreeHeadSigner.Verify(head, keys) ? null : $"the signature on the head of {head.TreeSize} leaves does not check with key {head.KeyId}.";
    }

    public static string Name(ExportedEvent e) => $"sequence {e.Sequence} (version {e.Version})";

    private static string? EventFailure(ExportFile export, ExportedEvent e)
    {
        if (e.StreamId != export.InspectionId) return $"belongs to stream {e.StreamId}, not to inspection {export.InspectionId}.";
        if (e.Leaf is null) return $"was sealed at leaf {e.LeafIndex}, but its row is gone: deleted.";
        if (LeafFailure(e) is { } unreadable) return unreadable;
        if (e.LeafIndex is not { } index) return "is stored, but no leaf was ever sealed for it: a row written outside the ledger.";
        if (e.Path is null) return $"leaf {index} cannot be proved: the ledger's stored tree is incomplete.";
        var hash = MerkleHash.Leaf(e.Leaf);
        if (e.LeafHash is { } sealedHash && !hash.AsSpan().SequenceEqual(sealedHash))
            return $"its row now hashes to {Convert.ToBase64String(hash)}, but leaf {index} was sealed as {Convert.ToBase64String(sealedHash)}: changed.";
        return MerkleVerifier.VerifyInclusion(hash, index, export.Head.TreeSize, e.Path, export.Head.RootHash)
            ? null
            : $"leaf {index} does not prove into the signed head of {export.Head.TreeSize} leaves.";
    }

    // The leaf must be the event it is listed as, in the one canonical spelling, or its hash proves nothing about it.
    private static string? LeafFailure(ExportedEvent e)
    {
        try
        {
            using var leaf = JsonDocument.Parse(e.Leaf, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (!CanonicalJson.Serialize(leaf.RootElement).AsSpan().SequenceEqual(e.Leaf)) return "its leaf is not RFC 8785 canonical JSON.";
            var root = leaf.RootElement;
            if (!root.TryGetProperty("sequence", out var sequence) || !sequence.TryGetInt64(out var s) || s != e.Sequence
                || !root.TryGetProperty("version", out var version) || !version.TryGetInt64(out var v) || v != e.Version
                || !root.TryGetProperty("streamId", out var stream) || !Guid.TryParse(stream.GetString(), out var id) || id != e.StreamId)
                return "its leaf is of another event (sequence, version or stream differ from the listing).";
            return null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return "its leaf is not JSON an event's leaf can be.";
        }
    }

    private static IEnumerable<string> VersionFailures(IReadOnlyList<ExportedEvent> events)
    {
        var versions = events.OrderBy(e => e.Sequence).Select(e => e.Version).ToList();
        for (var i = 0; i < versions.Count; i++)
            if (versions[i] != i + 1)
            {
                var missing = Enumerable.Range(1, versions.Count == 0 ? 0 : (int)Math.Max(versions.Max(), versions.Count)).Select(n => (long)n).Except(versions).ToList();
                yield return missing.Count > 0
                    ? $"the inspection's versions skip {string.Join(", ", missing)}: an event is missing."
                    : $"the inspection's versions are not 1, 2, 3… in log order (found {versions[i]} at position {i + 1}).";
                yield break;
            }
    }
}
