namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Answers every problem as <c>application/problem+json</c>, whatever the request's Accept header says. The
/// framework's writer declines a client that accepts only, say, <c>text/csv</c>, and the status-code pages then
/// fall back to plain text; an error is still an error, and a client parses one shape of it. Registered ahead
/// of the framework's writer, it hands the writing itself to that writer, so the body is exactly the usual one
/// (defaults, trace id, our customisation).
/// </summary>
internal sealed class ProblemJsonWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        context.HttpContext.RequestServices.GetServices<IProblemDetailsWriter>()
            .First(writer => writer is not ProblemJsonWriter)
            .WriteAsync(context);
}
