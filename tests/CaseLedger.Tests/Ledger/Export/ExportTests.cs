using System.Security.Cryptography;
using CaseLedger.Api.Ledger.Export;
using CaseLedger.Verifier;
using CaseLedger.Tests.Ledger.Sealing;

namespace CaseLedger.Tests.Ledger.Export;

/// <summary>An auditor's export of a sealed inspection: one file that proves every event into a signed head and
/// checks offline; and the refusals of what cannot be exported.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExportTests(AppFixture app)
{
    [Fact]
    public async Task An_export_proves_every_event_of_the_inspection_into_a_signed_head_and_verifies_offline()
    {
        var id = await app.Host.GivenSealedJudgements(cases: 2);

        var text = await app.Host.ExportAsync(id);
        var export = ExportReader.Read(text);
        var stream = await app.Host.Events(id);

        Assert.Equal(stream.Select(e => e.Sequence), export.Events.Select(e => e.Sequence));
        Assert.Equal(0, export.EventsAfterHead);
        // Checked first from the file's JSON with the test's own RFC 9162 code and the key alone, not the verifier's.
        var json = JsonDocument.Parse(text).RootElement;
        var (head, root) = (json.GetProperty("head"), Convert.FromBase64String(json.GetProperty("head").GetProperty("rootHash").GetString()!));
        Assert.True(IndependentSignatures.SignedByKey(head, json.GetProperty("keys").EnumerateArray().Single()));
        foreach (var e in json.GetProperty("events").EnumerateArray())
        {
            var leafHash = SHA256.HashData([0, .. Convert.FromBase64String(e.GetProperty("leaf").GetString()!)]);
            var path = e.GetProperty("path").EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!)).ToList();
            Assert.Equal(root, IndependentProofs.RootFromInclusion(leafHash, e.GetProperty("leafIndex").GetInt64(), head.GetProperty("treeSize").GetInt64(), path));
        }
        var (exit, output) = Exports.Verify(text);
        Assert.Equal(VerifyCommand.Verified, exit);
        Assert.StartsWith($"OK: inspection {id}: {stream.Count} events proved into the head of {export.Head.TreeSize} leaves", output);
    }

    [Fact]
    public async Task A_later_export_with_since_is_consistent_with_the_head_of_an_earlier_one()
    {
        var (id, cases) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();
        var earlier = await app.Host.ExportAsync(id);
        await app.Host.GivenJudgement(id, cases[0].Id);
        await app.Host.CaughtUp();
        var size = Exports.TreeSize(earlier);

        var later = await app.Host.ExportAsync(id, $"?since={size}");
        Assert.True(Exports.TreeSize(later) > size);
        Assert.Equal(0, Exports.Verify(later, earlier).Exit);

        // Without the proof the verifier cannot tell, and says how to get it.
        var (exit, output) = Exports.Verify(await app.Host.ExportAsync(id), earlier);
        Assert.Equal(VerifyCommand.Failed, exit);
        Assert.Contains($"export again with since={size}", output);

        // An older export, named by its head's size, is the same file as before.
        Assert.Equal(ExportReader.Read(earlier).Events.Count, ExportReader.Read(await app.Host.ExportAsync(id, $"?treeSize={size}")).Events.Count);
    }

    [Theory]
    [InlineData("?treeSize=0", 400, "treeSize")]
    [InlineData("?treeSize=-4", 400, "treeSize")]
    [InlineData("?since=0", 400, "since")]
    [InlineData("?treeSize=2&since=3", 400, "since")]
    [InlineData("?since=999999999", 400, "since")]
    [InlineData("?treeSize=999999999", 404, "999999999")]
    [InlineData("?treeSize=abc", 400, "treeSize")]
    public async Task What_cannot_be_exported_is_a_problem_naming_it(string query, int status, string named)
    {
        var (id, _) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();

        var problem = await app.Host.GetJson($"/inspections/{id}/export{query}", status: status);

        Assert.Contains(named, problem.ToString());
    }

    [Fact]
    public async Task An_unknown_inspection_has_no_export()
    {
        var problem = await app.Host.GetJson($"/inspections/{Guid.NewGuid()}/export", status: 404);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_file_is_offered_as_a_download_named_for_the_inspection_and_head()
    {
        var (id, _) = await app.Host.GivenInspectionInFieldwork(cases: 1);
        await app.Host.CaughtUp();

        var result = await app.Host.Scenario(s => s.As("auditor-1", Roles.Auditor).Get.Url($"/inspections/{id}/export"));

        var size = Exports.TreeSize(await result.ReadAsTextAsync());
        Assert.Equal($"attachment; filename=\"inspection-{id}-ledger-{size}.json\"", result.Context.Response.Headers.ContentDisposition.ToString());
        Assert.Equal(ExportFile.CurrentFormat, ExportReader.Read(await result.ReadAsTextAsync()).Format);
    }
}
