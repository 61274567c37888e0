using CaseLedger.Bench.Measures;
using CaseLedger.Client;
using CaseLedger.Demo;
using CaseLedger.Tests.Faults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace CaseLedger.Tests.Pages;

/// <summary>
/// The pages as a person meets them: the API as a process of its own on a loopback port (a browser needs a real
/// socket), over a database of its own holding the demo data, loaded through the API as <c>ops/run</c> loads it;
/// and Debian's chromium driven by Playwright. Nothing is downloaded: the browser is the machine's.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    private readonly string log = Path.Combine(Path.GetTempPath(), $"caseledger-pages-{Guid.NewGuid():N}.log");
    private OwnDatabase database = null!;
    private ApiLauncher launcher = null!;
    private IPlaywright playwright = null!;

    public Uri Address { get; } = new($"http://127.0.0.1:{OwnDatabase.FreePort()}");
    public IBrowser Browser { get; private set; } = null!;
    public string SigningKey { get; private set; } = "";

    /// <summary>Screenshots go here (git-ignored), so that a person can look at what the tests saw.</summary>
    public static string Artifacts { get; } = Path.Combine(Repository.Root, "tests", "CaseLedger.Tests", "artifacts", "pages");

    public async Task InitializeAsync()
    {
        database = await OwnDatabase.CreateAsync("pages");
        launcher = new ApiLauncher(AppContext.BaseDirectory, Address, database.Connection, log);
        await launcher.StartAsync(sealing: true, CancellationToken.None);
        SigningKey = DevelopmentSigningKey.Read(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"));
        using (var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) })
            await new DemoLoader(http, SigningKey, FrameworkLoader.LoadDefault(), NullLogger.Instance).LoadAsync(DemoInspections.All, CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        // The flags keep chromium from reaching for Google's services, which this machine's closed network refuses.
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Artifacts);
    }

    /// <summary>A browser signed in as this user in this role, through the Development sign-in route.</summary>
    public async Task<IPage> SignedInAsync(string user, string role)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var signedIn = await page.GotoAsync($"/app/sign-in?user={Uri.EscapeDataString(user)}&role={Uri.EscapeDataString(role)}&returnUrl=/app");
        Assert.Equal(200, signedIn!.Status);
        return page;
    }

    /// <summary>The API itself, for the figures a page must agree with.</summary>
    public HttpClient Api(string user, string role)
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", new ApiClient(http, SigningKey).Token(user, role));
        return http;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await launcher.DisposeAsync();
        await database.DisposeAsync();
        File.Delete(log);
        File.Delete(log + ".pid");
    }

}

[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<PagesFixture>
{
    public const string Name = "pages";
}
