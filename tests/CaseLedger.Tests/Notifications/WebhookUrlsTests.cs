using System.Net;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Safety;

namespace CaseLedger.Tests.Notifications;

/// <summary>The check a subscription's URL passes when it is made. Hosts are IP literals, <c>localhost</c> and
/// the <c>.invalid</c> domain (which never resolves), so no test needs the internet's DNS.</summary>
public sealed class WebhookUrlsTests
{
    private static readonly WebhookSettings Production = new();
    private static readonly WebhookSettings PlainHttp = new() { RequireHttps = false };
    private static readonly WebhookSettings Development = new() { RequireHttps = false, AllowLoopback = true };

    // Theory rows name their settings, so that a failing row says which it ran under.
    private static readonly Dictionary<string, WebhookSettings> Settings = new()
    {
        ["production"] = Production,
        ["plain http"] = PlainHttp,
        ["development"] = Development,
        ["private networks"] = PlainHttp with { AllowPrivateNetworks = true },
        ["everything allowed"] = Development with { AllowPrivateNetworks = true },
    };

    private static Task<string?> Check(string? url, WebhookSettings settings) =>
        WebhookUrls.CheckAsync(url, settings, CancellationToken.None);

    public static TheoryData<string, string> Accepted => new()
    {
        { "https://93.184.216.34/hooks", "production" },
        { "https://93.184.216.34:8443/hooks?token=abc", "production" },
        { "https://[2606:4700::1111]/hooks", "production" },
        { "HTTPS://93.184.216.34/", "production" },
        { "http://93.184.216.34/hooks", "plain http" },
        { "http://127.0.0.1:5000/x", "development" },
        { "http://localhost:5000/x", "development" },
        { "http://10.0.0.5/", "private networks" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_url_its_settings_allow_is_accepted(string url, string settings) =>
        Assert.Null(await Check(url, Settings[settings]));

    public static TheoryData<string?, string> Malformed => new()
    {
        { null, "is required." },
        { "", "is required." },
        { $"https://93.184.216.34/{new string('a', 2_000)}", "must be at most 2000 characters." },
        { "https://93.184.216.34/a b", "must not contain spaces or control characters." },
        { " https://93.184.216.34/", "must not contain spaces or control characters." },
        { "https://93.184.216.34/\t", "must not contain spaces or control characters." },
        { "/hooks", "must be an absolute URL, such as https://example.org/hooks." },
        { "hooks/receive", "must be an absolute URL, such as https://example.org/hooks." },
        { "93.184.216.34/hooks", "must be an absolute URL, such as https://example.org/hooks." },
        { "https:93.184.216.34", "must be an absolute URL, such as https://example.org/hooks." },
        { "https://user:secret@93.184.216.34/", "must not contain a user name or password; deliveries are signed with the subscription's secret instead." },
        { "https://user@93.184.216.34/", "must not contain a user name or password; deliveries are signed with the subscription's secret instead." },
        { "https://93.184.216.34/hooks#part", "must not contain a fragment (#…), which is never sent to the receiver." },
        { "https://93.184.216.34/hooks#", "must not contain a fragment (#…), which is never sent to the receiver." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_url_is_refused_in_the_clients_words(string? url, string message) =>
        Assert.Equal(message, await Check(url, Development));

    [Fact]
    public async Task A_url_of_the_most_characters_allowed_is_accepted()
    {
        var prefix = "https://93.184.216.34/";
        Assert.Null(await Check(prefix + new string('a', WebhookUrls.MaxLength - prefix.Length), Production));
    }

    [Theory]
    [InlineData("http://93.184.216.34/hooks", "production", "must use https.")]
    [InlineData("ftp://93.184.216.34/hooks", "production", "must use https.")]
    [InlineData("file:///etc/passwd", "production", "must use https.")]
    [InlineData("ftp://93.184.216.34/hooks", "plain http", "must use https or http.")]
    public async Task Https_is_required_unless_the_settings_allow_http_too(string url, string settings, string message) =>
        Assert.Equal(message, await Check(url, Settings[settings]));

    public static TheoryData<string, string, string> RefusedAddresses => new()
    {
        { "http://127.0.0.1:5000/x", "plain http", "127.0.0.1 is a loopback address" },
        { "http://[::1]:5000/x", "plain http", "::1 is a loopback address" },
        // Uri reads these two as 127.0.0.1, and so would the connection.
        { "http://2130706433/", "plain http", "127.0.0.1 is a loopback address" },
        { "http://0x7f.1/", "plain http", "127.0.0.1 is a loopback address" },
        { "http://[::ffff:127.0.0.1]/", "plain http", "::ffff:127.0.0.1 carries 127.0.0.1, a loopback address" },
        { "http://10.0.0.5/", "development", "10.0.0.5 is a private network address" },
        { "http://169.254.169.254/latest/meta-data", "development", "169.254.169.254 is a cloud metadata address" },
        { "https://[fd00:ec2::254]/latest/meta-data", "production", "fd00:ec2::254 is a cloud metadata address" },
        { "http://0.0.0.0:5000/", "everything allowed", "0.0.0.0 is an unspecified (\"this network\") address" },
        { "http://224.0.0.251/", "everything allowed", "224.0.0.251 is a multicast address" },
    };

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public async Task An_address_its_settings_do_not_allow_is_refused_with_the_reason(string url, string settings, string refusal) =>
        Assert.Equal($"is refused: {refusal}, which webhooks may not reach.", await Check(url, Settings[settings]));

    [Fact]
    public async Task Localhost_resolves_to_loopback_and_is_refused_without_loopback_allowed()
    {
        var refusal = await Check("http://localhost:5000/x", PlainHttp);

        Assert.NotNull(refusal);
        Assert.StartsWith("is refused: the host 'localhost' resolves to", refusal);
        Assert.Contains("is a loopback address", refusal);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_refused_not_failed()
    {
        Assert.Equal("is refused: the host 'no-such-receiver.invalid' does not resolve.",
            await Check("https://no-such-receiver.invalid/hooks", Production));
    }

    [Fact]
    public void A_name_is_refused_when_any_of_its_addresses_is_refused_and_each_refused_one_is_named()
    {
        var hooks = new Uri("https://hooks.example.org/x");
        IPAddress[] addresses = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fe80::1")];

        Assert.Equal("is refused: the host 'hooks.example.org' resolves to addresses webhooks may not reach "
            + "(10.0.0.5 is a private network address; fe80::1 is a link-local address).",
            WebhookUrls.AddressProblem(hooks, addresses, Production));
        Assert.Null(WebhookUrls.AddressProblem(hooks, addresses, Production with { AllowPrivateNetworks = true }));
        Assert.Equal("is refused: the host 'hooks.example.org' does not resolve.", WebhookUrls.AddressProblem(hooks, [], Production));
    }
}
