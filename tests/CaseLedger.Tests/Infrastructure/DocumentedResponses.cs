using System.Text.RegularExpressions;
using Json.Schema;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>One answer the API gave, as a client saw it.</summary>
public sealed record Exchange(string Method, string Path, int Status, string? MediaType, string Body, string Caller)
{
    public override string ToString() => $"{Method} {Path} as {Caller} → {Status}";
}

/// <summary>
/// The served OpenAPI document as a contract: the statuses each operation documents and, for each, the JSON Schema
/// of its body. The document is registered under its own URI, so the <c>#/components/schemas/...</c> references
/// resolve inside it exactly as a client's validator resolves them (OpenAPI 3.1 schemas are JSON Schema 2020-12).
/// </summary>
public sealed class DocumentedResponses
{
    private static readonly Uri DocumentUri = new("https://caseledger.invalid/openapi/v1.json");
    private readonly JsonElement paths;
    private readonly List<(Regex Pattern, string Template)> templates;
    private readonly BuildOptions build = new() { SchemaRegistry = new SchemaRegistry() };
    private int built;

    public DocumentedResponses(string documentText)
    {
        var document = JsonDocument.Parse(documentText).RootElement.Clone();
        build.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(document, DocumentUri));
        paths = document.GetProperty("paths");
        templates = [.. paths.EnumerateObject().Select(path => (Pattern(path.Name), path.Name))];
    }

    /// <summary>The operations the document declares, as "GET /inspections/{id}".</summary>
    public IEnumerable<string> Operations =>
        paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));

    /// <summary>"GET /inspections/{id}" for a request to /inspections/1234..., or null when no path matches.</summary>
    public string? OperationOf(Exchange exchange)
    {
        var path = exchange.Path.Split('?')[0];
        // A literal segment beats a parameter: /judgements/batch is not /judgements/{judgementId}.
        var template = templates.Where(t => t.Pattern.IsMatch(path)).OrderBy(t => t.Template.Count(c => c == '{')).Select(t => t.Template).FirstOrDefault();
        return template is null ? null : $"{exchange.Method} {template}";
    }

    /// <summary>Every way this answer departs from what the document says; none when it conforms.</summary>
    public IEnumerable<string> Disagreements(Exchange exchange)
    {
        if (OperationOf(exchange)?.Split(' ', 2)[1] is not { } template
            || !paths.GetProperty(template).TryGetProperty(exchange.Method.ToLowerInvariant(), out var operation))
        {
            yield return $"{exchange}: no documented operation";
            yield break;
        }
        if (!operation.GetProperty("responses").TryGetProperty(exchange.Status.ToString(), out var response))
        {
            yield return $"{exchange}: status {exchange.Status} is not documented for {exchange.Method} {template}";
            yield break;
        }
        if (!response.TryGetProperty("content", out var content))
        {
            if (exchange.Body.Length > 0) yield return $"{exchange}: documented without a body, answered one";
            yield break;
        }
        if (exchange.MediaType is not { } media || !content.TryGetProperty(media, out var described))
        {
            yield return $"{exchange}: content type {exchange.MediaType ?? "(none)"} is not documented (only {string.Join(", ", content.EnumerateObject().Select(c => c.Name))})";
            yield break;
        }
        if (!media.EndsWith("json", StringComparison.Ordinal) || !described.TryGetProperty("schema", out var schema)) yield break;

        var result = Schema(schema).Evaluate(JsonDocument.Parse(exchange.Body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
            yield return $"{exchange}: body does not match its schema:\n  " + string.Join("\n  ", Failures(result).Take(12)) +
                $"\n  body: {exchange.Body[..Math.Min(exchange.Body.Length, 600)]}";
    }

    /// <summary>A response schema, its references made absolute so they resolve inside the registered document.</summary>
    private JsonSchema Schema(JsonElement schema)
    {
        var text = schema.GetRawText().Replace("\"#/components/", $"\"{DocumentUri}#/components/", StringComparison.Ordinal);
        return JsonSchema.Build(JsonDocument.Parse(text).RootElement, build, new Uri(DocumentUri, $"responses/{Interlocked.Increment(ref built)}"));
    }

    private static IEnumerable<string> Failures(EvaluationResults result) =>
        (result.Details ?? []).Prepend(result).Where(node => node.Errors is { Count: > 0 })
            .SelectMany(node => node.Errors!.Select(error => $"{node.InstanceLocation} ({node.EvaluationPath}): {error.Key}: {error.Value}"));

    private static Regex Pattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$");
}
