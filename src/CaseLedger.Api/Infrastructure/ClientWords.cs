using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Wolverine answers a body or query value it could not read with the framework's own message, which names
/// .NET types ("could not be converted to System.Guid"). This says it in the client's words instead, as field
/// errors like any other invalid request: <c>judgements[7].caseId</c>: "must be a UUID.". The field's type is
/// looked up from the endpoint's request type through System.Text.Json's own contract, at the path the
/// serializer reported. Any problem that still mentions a .NET type loses its detail.
/// </summary>
public static partial class ClientWords
{
    private const string UnreadableBody = "Invalid JSON format";
    private const string UnreadableQuery = "Invalid query string value";
    private const string UnreadableHeader = "Invalid header value";

    public static void Rewrite(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var errors = problem.Title switch
        {
            UnreadableBody => BodyErrors(context.HttpContext, problem.Detail ?? ""),
            UnreadableQuery => ValueErrors(problem, "parameter"),
            UnreadableHeader => ValueErrors(problem, "header"),
            _ => null,
        };
        if (errors is not null)
        {
            problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
            problem.Title = "The request has invalid fields.";
            problem.Detail = null;
            problem.Extensions["errors"] = errors;
        }
        // Wolverine's 500 for a body its serializer could not handle names the exception and the target type.
        problem.Extensions.Remove("exceptionType");
        problem.Extensions.Remove("targetType");
        if (problem.Detail is not null && DotNetName().IsMatch(problem.Detail)) problem.Detail = null;
    }

    /// <summary>The same field errors for a body an endpoint reads itself (an optional one), as a rejection.</summary>
    public static Rejection UnreadableBodyOf<T>(HttpContext http, System.Text.Json.JsonException unreadable) =>
        Rejection.Invalid(BodyErrors(http, unreadable.Message, typeof(T)));

    private static Dictionary<string, string[]> BodyErrors(HttpContext http, string message, Type? requestType = null)
    {
        if (Duplicate().Match(message) is { Success: true } duplicate)
            return One(duplicate.Groups["name"].Value, "is given more than once (names are compared ignoring case).");
        if (Unmapped().Match(message) is { Success: true } unmapped)
            return One(unmapped.Groups["name"].Value, "is not a field this endpoint accepts.");
        var located = Located().Match(message);
        var path = located.Success ? located.Groups["path"].Value : "$";
        var field = path is "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            return One(field, Expected(FieldType(http, path, requestType)));
        var where = located.Success ? $" at line {int.Parse(located.Groups["line"].Value) + 1}, byte {int.Parse(located.Groups["byte"].Value) + 1}" : "";
        return One(field, $"is not valid JSON{where}.");
    }

    private static Dictionary<string, string[]> ValueErrors(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string key)
    {
        var name = problem.Extensions.TryGetValue(key, out var value) ? value?.ToString() ?? key : key;
        var type = ExpectedType().Match(problem.Detail ?? "") is { Success: true } match ? match.Groups["type"].Value : "";
        return One(name, type switch
        {
            "Guid" or "System.Guid" => Expected(typeof(Guid)),
            "int" or "long" or "short" or "System.Int32" or "System.Int64" or "System.Int16" => Expected(typeof(long)),
            "decimal" or "double" or "float" or "System.Decimal" or "System.Double" => Expected(typeof(double)),
            "bool" or "System.Boolean" => Expected(typeof(bool)),
            "DateOnly" or "System.DateOnly" => Expected(typeof(DateOnly)),
            "DateTimeOffset" or "DateTime" or "System.DateTimeOffset" or "System.DateTime" => Expected(typeof(DateTimeOffset)),
            _ => "is not a value this parameter accepts.",
        });
    }

    /// <summary>The declared type at a serializer path such as <c>$.judgements[7].caseId</c>, or null.</summary>
    private static Type? FieldType(HttpContext http, string path, Type? requestType)
    {
        var type = requestType ?? http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>()?.RequestType;
        if (type is null) return null;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (Match segment in PathSegment().Matches(path))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = segment.Groups["index"].Success
                ? info.ElementType
                : info.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (type is null) return null;
        }
        return type;
    }

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "has the wrong type.",
            _ when type == typeof(Guid) => "must be a UUID.",
            _ when type == typeof(string) => "must be a string of valid Unicode text.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(DateOnly) => "must be a date (yyyy-mm-dd).",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "must be a date and time (ISO 8601, such as 2012-03-09T17:00:00Z).",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "must be a whole number.",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "must be a number.",
            _ when type.IsEnum => "must be one of the documented values.",
            _ when type != typeof(string) && typeof(System.Collections.IDictionary).IsAssignableFrom(type) => "must be an object.",
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "must be a list.",
            _ => "must be an object.",
        };
    }

    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };

    [GeneratedRegex(@"^Duplicate property '(?<name>[^']*)'")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"Path: (?<path>\$.*?) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)\.$")]
    private static partial Regex Located();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"expected type (?<type>[\w.`\[\]]+)$")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"\b(System|Microsoft|CaseLedger|Wolverine|Marten|JasperFx|Npgsql|Weasel)\.[A-Z]")]
    private static partial Regex DotNetName();
}
