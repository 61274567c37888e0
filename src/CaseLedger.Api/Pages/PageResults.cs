using CaseLedger.Api.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseLedger.Api.Pages;

public static class PageResults
{
    public static IResult Page<TComponent>(object parameters, int status = StatusCodes.Status200OK) where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    /// <summary>A refusal as a page: the status the API would give, in the API's words.</summary>
    public static IResult Problem(HttpContext http, ProblemDetails problem) =>
        Page<ProblemPage>(new { Chrome = PageChrome.For(http), Problem = problem }, problem.Status ?? StatusCodes.Status400BadRequest);

    /// <summary>A page outside the reader's reach is not found, exactly as the API answers such an inspection.</summary>
    public static IResult NotFound(HttpContext http) => Problem(http, new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "There is no such page within your reach.",
    });

    /// <summary>A page only some roles may open is, to every other role, a page that does not exist.</summary>
    public static RouteHandlerBuilder OnlyFor(this RouteHandlerBuilder page, params string[] roles) =>
        page.AddEndpointFilter(async (context, next) =>
            Actor.From(context.HttpContext) is { } actor && roles.Contains(actor.Role) ? await next(context) : NotFound(context.HttpContext));
}
