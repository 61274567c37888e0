using CaseLedger.Verifier;

namespace CaseLedger.Tests.Ledger.Export;

/// <summary>An inspection's export as an auditor takes it, and the offline verifier run on it as
/// <c>ops/verify-ledger</c> runs it: from files, with its exit code and what it printed.</summary>
public static class Exports
{
    public static async Task<string> ExportAsync(this IAlbaHost host, Guid id, string query = "")
    {
        var result = await host.Scenario(s =>
        {
            s.As("auditor-1", Roles.Auditor).Get.Url($"/inspections/{id}/export{query}");
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsTextAsync();
    }

    public static long TreeSize(string export) => JsonDocument.Parse(export).RootElement.GetProperty("head").GetProperty("treeSize").GetInt64();

    public static (int Exit, string Output) Verify(string export, string? earlier = null)
    {
        var directory = Directory.CreateTempSubdirectory("caseledger-export-");
        try
        {
            var file = Path.Combine(directory.FullName, "now.json");
            File.WriteAllText(file, export);
            string[] args = [file];
            if (earlier is not null)
            {
                var then = Path.Combine(directory.FullName, "then.json");
                File.WriteAllText(then, earlier);
                args = [file, "--head", then];
            }
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exit = VerifyCommand.Run(args, output, errors);
            return (exit, output.ToString() + errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
