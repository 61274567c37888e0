using System.Text.Json;
using CaseLedger.Api.Ledger.Export;
using CaseLedger.Api.Ledger.Signing;

namespace CaseLedger.Verifier;

/// <summary>What an auditor kept from before: a signed head alone, or a whole earlier export (which also says
/// which events were there).</summary>
public sealed record EarlierRecord(TreeHead Head, ExportFile? Export)
{
    /// <summary>Reads either shape: an export has a <c>head</c> member, a head has <c>treeSize</c>.</summary>
    public static EarlierRecord Read(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("head", out _))
        {
            var export = ExportReader.Read(json);
            return new EarlierRecord(export.Head, export);
        }
        return new EarlierRecord(JsonSerializer.Deserialize<TreeHead>(json, ExportReader.Options) ?? throw new JsonException("The file holds null, not a tree head."), null);
    }
}
