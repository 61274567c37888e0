using System.Security.Cryptography;

namespace CaseLedger.Api.Pages;

/// <summary>
/// The pages' one stylesheet, built into the assembly and served from this host, so a page never loads a style,
/// font or script from anywhere else (the pages' Content-Security-Policy says so too). Anonymous: the sign-in page
/// wears it before anyone has signed in.
/// </summary>
public static class PageAssets
{
    public const string Stylesheet = PagesSetup.Root + "/assets/pages.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Css = new(() =>
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("CaseLedger.Api.Pages.Assets.pages.css")
            ?? throw new InvalidOperationException("The pages' stylesheet is not built into the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    });

    public static void MapPageAssets(this WebApplication app) =>
        app.MapGet(Stylesheet, () => Results.Bytes(Css.Value.Bytes, "text/css; charset=utf-8", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(Css.Value.ETag)))
            .AllowAnonymous().ExcludeFromDescription();
}
