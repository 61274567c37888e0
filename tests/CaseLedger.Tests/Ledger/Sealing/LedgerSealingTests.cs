namespace CaseLedger.Tests.Ledger.Sealing;

/// <summary>
/// The sealed log as an auditor meets it: every event carries its leaf, the latest head is signed by a published
/// key, and the API's proofs check out with an implementation of RFC 9162 of the auditor's own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LedgerSealingTests(AppFixture app)
{
    [Fact]
    public async Task Every_event_is_a_leaf_proved_into_a_signed_head_that_grew_consistently()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();
        var earlier = await app.Host.GetJson("/ledger/heads/latest");
        await app.Host.GivenJudgement(id, cases[0].Id);
        await app.Host.CaughtUp();

        var head = await app.Host.GetJson("/ledger/heads/latest", "client-1", Roles.ReportingClient);
        var keys = await app.Host.GetJson("/ledger/keys", "client-1", Roles.ReportingClient);
        var key = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == head.GetProperty("keyId").GetString());
        Assert.True(IndependentSignatures.SignedByKey(head, key), "the head's signature does not check with the published key");

        var treeSize = head.GetProperty("treeSize").GetInt64();
        var root = Convert.FromBase64String(head.GetProperty("rootHash").GetString()!);
        var events = (await app.Host.GetJson($"/inspections/{id}/events")).GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var leafIndex = e.GetProperty("leafIndex").GetInt64();
            var proof = await app.Host.GetJson($"/ledger/proofs/inclusion?leafIndex={leafIndex}&treeSize={treeSize}");
            Assert.Equal(e.GetProperty("leafHash").GetString(), proof.GetProperty("leafHash").GetString());
            var proved = IndependentProofs.RootFromInclusion(
                Convert.FromBase64String(proof.GetProperty("leafHash").GetString()!), leafIndex, treeSize, Hashes(proof.GetProperty("path")));
            Assert.Equal(root, proved);
        }

        var first = earlier.GetProperty("treeSize").GetInt64();
        var consistency = await app.Host.GetJson($"/ledger/proofs/consistency?first={first}&second={treeSize}");
        var (firstRoot, secondRoot) = IndependentProofs.RootsFromConsistency(first, treeSize,
            Convert.FromBase64String(earlier.GetProperty("rootHash").GetString()!), Hashes(consistency.GetProperty("path")));
        Assert.Equal(Convert.FromBase64String(earlier.GetProperty("rootHash").GetString()!), firstRoot);
        Assert.Equal(root, secondRoot);
    }

    /// <summary>Requests the log cannot answer, each with the field the 400 must name.</summary>
    public static TheoryData<string, string> Unanswerable => new()
    {
        { "/ledger/proofs/inclusion?leafIndex=-1&treeSize=1", "leafIndex" },
        { "/ledger/proofs/inclusion?leafIndex=0&treeSize=0", "treeSize" },
        { "/ledger/proofs/inclusion?leafIndex=5&treeSize=3", "leafIndex" },
        { "/ledger/proofs/inclusion?leafIndex=0&treeSize=999999999999", "treeSize" },
        { "/ledger/proofs/inclusion?treeSize=1", "leafIndex" },
        { "/ledger/proofs/consistency?first=0&second=1", "first" },
        { "/ledger/proofs/consistency?first=3&second=2", "first" },
        { "/ledger/proofs/consistency?first=1&second=999999999999", "second" },
        { "/ledger/heads?after=-1", "after" },
    };

    [Theory]
    [MemberData(nameof(Unanswerable))]
    public async Task A_proof_or_head_the_log_cannot_give_is_a_400_naming_the_field(string url, string field)
    {
        await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();
        var problem = await app.Host.GetJson(url, status: 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error on '{field}'");
    }

    [Theory]
    [InlineData("/ledger/heads/latest")]
    [InlineData("/ledger/keys")]
    [InlineData("/ledger/proofs/inclusion?leafIndex=0&treeSize=1")]
    public async Task Inspectors_do_not_read_the_signed_log(string url) =>
        await app.Host.GetJson(url, "inspector-1", Roles.Inspector, status: 403);

    private static List<byte[]> Hashes(JsonElement array) => [.. array.EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!))];
}
