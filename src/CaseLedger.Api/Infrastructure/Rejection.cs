namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Why a command was refused, as decisions say it: a status, a title a person can act on, and for invalid input
/// the fields at fault. Pure data, so decisions stay free of HTTP; <see cref="ToResult"/> turns it into RFC 9457
/// problem details at the edge.
/// </summary>
public sealed record Rejection(
    int Status,
    string Title,
    string? Detail = null,
    IReadOnlyDictionary<string, object?>? Extensions = null,
    IDictionary<string, string[]>? Errors = null)
{
    public static Rejection Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The request has invalid fields.", Errors: errors);

    public static Rejection Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A JSON body of <c>null</c>: the request says nothing to act on.</summary>
    public static Rejection MissingBody() => Invalid("body", "is required: a JSON object.");

    public static Rejection Unauthenticated() =>
        new(StatusCodes.Status401Unauthorized, "Authentication is required.");

    public static Rejection Forbidden(string title) => new(StatusCodes.Status403Forbidden, title);

    public static Rejection NotFound(string title, string? detail = null) => new(StatusCodes.Status404NotFound, title, detail);

    public static Rejection Conflict(string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, title, detail, extensions);

    public IResult ToResult()
    {
        var extensions = Extensions?.ToDictionary(pair => pair.Key, pair => pair.Value);
        return Errors is null
            ? Results.Problem(statusCode: Status, title: Title, detail: Detail, extensions: extensions)
            : Results.ValidationProblem(Errors, statusCode: Status, title: Title, detail: Detail, extensions: extensions);
    }
}
