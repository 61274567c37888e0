using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseLedger.Api.Reference;

/// <summary>
/// The document's front page: its title, an introduction a first-time client can act on (what this is, how to get
/// a token, who may do what, how refusals look), the capability tags with their descriptions, and servers written
/// without the trailing slash ASP.NET Core gives them (a client joins "/inspections" to it).
/// </summary>
internal sealed class Introduction : IOpenApiDocumentTransformer
{
    public const string Title = "CaseLedger API";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = Title, Version = "1.0.0", Description = Text };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        document.Tags = new HashSet<OpenApiTag>(Capability.All.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        return Task.CompletedTask;
    }

    private const string Text = """
        CaseLedger is the system of record for inspection case assessment. Inspectors examine a sample of cases at a
        Youth Offending Team (YOT) during fieldwork weeks and answer an inspection framework's scoring questions for
        each case. Every judgement, revision and moderation is an event in an append-only ledger, so the published
        scores (per criterion, section and headline theme, with the framework's improvement bands) can be recomputed,
        explained and replayed as they stood at any moment.

        ## Tokens

        Every operation except health needs a bearer token (JWT) in `Authorization: Bearer ...`. Its `sub` claim is the
        acting user and its `role` claim one of the roles below; who acts and when it was recorded always come from the
        token and the server, never from a request body.

        - **Development**: `ops/token --user lead-1 --role lead-inspector` prints a token valid for 12 hours, signed
          with the development key. Paste it into the reference's authentication box to try requests.
        - **Production**: obtain a token from the configured OpenID Connect authority for the audience `caseledger`.

        ## Roles

        | role | may |
        | --- | --- |
        | `inspector` | record and revise judgements on inspections whose team names them; read those inspections |
        | `lead-inspector` | open an inspection and lead it: add cases, open and close weeks, moderate, correct, publish; all an inspector may |
        | `auditor` | read every inspection, judgement, history, event log and the ledger; write nothing |
        | `reporting-client` | the published record only: published scores, YOT and theme views, the ledger's heads, keys and proofs |
        | `admin` | keep the register of YOTs; see and rebuild views; no judgement writes |

        ## Refusals

        Every error is an RFC 9457 problem (`application/problem+json`) carrying the request's `correlationId` and
        `traceId`. No token or a bad one: **401**. A role that may not do this: **403**. An inspection outside the
        caller's reach is answered exactly as one that does not exist: **404**. Bad fields: **400** with an `errors`
        object naming each field (`judgements[7].answer`). A broken rule or a stale `expectedVersion`: **409**, whose
        extra members show what stands (`current`, `registered`, ...). A body over 8 MB: **413**. Nothing refused is
        ever appended.

        ## Points in time

        `at`, `from` and `to` take `week:N` (right after week N closed, or now if it has not), `version:N` (the
        inspection stream's version), an ISO-8601 timestamp with its offset (valid time), `recorded:TIMESTAMP` (what
        the ledger held then) or `published`. Score, moderation, YOT and theme reads also answer `text/csv` when asked
        with `Accept: text/csv`.
        """;
}
