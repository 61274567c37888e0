using System.Text.Json;
using CaseLedger.Api.Ledger.Export;

namespace CaseLedger.Verifier;

/// <summary>Reads an export strictly: a member given twice could say one thing to this verifier and another to a
/// reader's eye, and a member missing or null where the format has a value is no export; both are refused, as is
/// a file of another format (told first, since its members may differ).</summary>
public static class ExportReader
{
    public static readonly JsonSerializerOptions Options = new()
    {
        AllowDuplicateProperties = false, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true,
    };

    public static ExportFile Read(string json)
    {
        using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }))
        {
            var format = document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("format", out var member)
                ? member.ToString()
                : null;
            if (format != ExportFile.CurrentFormat)
                throw new JsonException($"The file's format is {(format is null ? "not given" : $"\"{format}\"")}; this verifier reads \"{ExportFile.CurrentFormat}\".");
        }
        return JsonSerializer.Deserialize<ExportFile>(json, Options) ?? throw new JsonException("The file holds null, not an export.");
    }
}
