using System.Text.Json;

namespace CaseLedger.Verifier;

/// <summary>
/// <c>verify-ledger FILE [--head EARLIER.json]</c>: checks an inspection export with no database. EARLIER is a signed
/// head or an export kept from before. Exit 0: everything holds; 1: the export failed a check, each failure named;
/// 2: the command could not run (a file missing or unreadable, arguments wrong).
/// </summary>
public static class VerifyCommand
{
    public const int Verified = 0;
    public const int Failed = 1;
    public const int CannotRun = 2;

    private const string Usage = "usage: verify-ledger FILE [--head EARLIER.json]   (EARLIER: a signed tree head or an earlier export)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var (file, earlierFile) = args switch
        {
            [var only] when !only.StartsWith('-') => (only, null),
            [var first, "--head", var head] when !first.StartsWith('-') => (first, head),
            ["--head", var head, var last] when !last.StartsWith('-') => (last, head),
            _ => ((string?)null, (string?)null),
        };
        if (file is null)
        {
            errors.WriteLine(Usage);
            return CannotRun;
        }
        try
        {
            var export = ExportReader.Read(File.ReadAllText(file));
            var earlier = earlierFile is null ? null : EarlierRecord.Read(File.ReadAllText(earlierFile));
            var failures = ExportCheck.Verify(export);
            if (earlier is not null) failures.AddRange(EarlierCheck.Verify(export, earlier));
            if (failures.Count > 0)
            {
                output.WriteLine($"FAILED: inspection {export.InspectionId}, {failures.Count} failure(s) against the signed head of {export.Head.TreeSize} leaves:");
                foreach (var failure in failures) output.WriteLine($"  - {failure}");
                return Failed;
            }
            output.WriteLine($"OK: inspection {export.InspectionId}: {export.Events.Count} events proved into the head of {export.Head.TreeSize} leaves " +
                             $"signed {export.Head.Timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'} by key {export.Head.KeyId}" +
                             (earlier is null ? "" : $"; consistent with the earlier head of {earlier.Head.TreeSize} leaves") +
                             (export.EventsAfterHead > 0 ? $"; {export.EventsAfterHead} later event(s) await a later head." : "."));
            output.WriteLine("Check that key id against the ledger's published keys (GET /ledger/keys) or one you kept.");
            return Verified;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            errors.WriteLine($"verify-ledger: cannot read the files: {exception.Message}");
            return CannotRun;
        }
    }
}
