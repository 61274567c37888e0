using Microsoft.AspNetCore.Antiforgery;

namespace CaseLedger.Api.Pages;

/// <summary>What frames every page: who reads it (and the form to sign out), and the page's CSV and API twins.</summary>
public sealed record PageChrome(Actor Viewer, string AntiforgeryField, string AntiforgeryToken)
{
    public string? Csv { get; init; }
    public string? Api { get; init; }

    public static PageChrome For(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new PageChrome(Actor.From(http)!, tokens.FormFieldName, tokens.RequestToken!);
    }

    public bool IsAuditor => Viewer.Role == Roles.Auditor;

    /// <summary>Who may open the history and moderation pages of an inspection they can reach (issue 17).</summary>
    public bool ReviewsChanges => Viewer.Role is Roles.Auditor or Roles.LeadInspector;
}
