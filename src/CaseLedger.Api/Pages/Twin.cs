using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseLedger.Api.Pages;

/// <summary>
/// A page shows exactly what its API twin answers: it calls the twin's handler with the reader's own identity, so
/// the figures, the points in time and the reach rules are the API's, never a second copy of them. What the twin
/// refuses, the page refuses with the same status and words.
/// </summary>
public static class Twin
{
    public sealed record Answer<T>(T? Value, ProblemDetails? Problem)
    {
        public bool Refused => Problem is not null;
    }

    public static async Task<Answer<T>> ReadAsync<T>(Task<IResult> call) where T : class => Of<T>(await call);

    public static Answer<T> Of<T>(IResult result) where T : class => result switch
    {
        IValueHttpResult { Value: T value } => new(value, null),
        ProblemHttpResult problem => new(null, problem.ProblemDetails),
        _ => throw new InvalidOperationException($"The API answered with {result.GetType().Name}, which no page shows."),
    };

    /// <summary>The twin's CSV: the same handler, asked as a spreadsheet would ask it.</summary>
    public static Task<IResult> AsCsv(HttpContext http, Func<Task<IResult>> call)
    {
        http.Request.Headers.Accept = Csv.MediaType;
        return call();
    }
}
