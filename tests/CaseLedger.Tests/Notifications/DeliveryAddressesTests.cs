using System.Net;
using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Safety;

namespace CaseLedger.Tests.Notifications;

public sealed class DeliveryAddressesTests
{
    private static readonly WebhookSettings Strict = new();
    private static readonly WebhookSettings WithLoopback = new() { AllowLoopback = true };
    private static readonly WebhookSettings WithPrivateNetworks = new() { AllowPrivateNetworks = true };
    private static readonly WebhookSettings WithBoth = new() { AllowLoopback = true, AllowPrivateNetworks = true };

    public static TheoryData<string> Public => new()
    {
        "93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
        "198.17.255.255", "198.20.0.0", "223.255.255.255", "169.253.255.255", "11.0.0.1", "192.167.255.255",
        "2606:4700::1111", "2001:4860:4860::8888", "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1",
    };

    [Theory]
    [MemberData(nameof(Public))]
    public void A_public_address_may_be_reached_under_the_strictest_settings(string address) =>
        Assert.Null(DeliveryAddresses.Refusal(IPAddress.Parse(address), Strict));

    public static TheoryData<string, string, string> RefusedUnlessAllowed => new()
    {
        { "127.0.0.1", "127.0.0.1 is a loopback address", nameof(WebhookSettings.AllowLoopback) },
        { "127.255.255.254", "127.255.255.254 is a loopback address", nameof(WebhookSettings.AllowLoopback) },
        { "::1", "::1 is a loopback address", nameof(WebhookSettings.AllowLoopback) },
        { "10.0.0.5", "10.0.0.5 is a private network address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "10.255.255.255", "10.255.255.255 is a private network address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "172.16.0.1", "172.16.0.1 is a private network address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "172.31.255.255", "172.31.255.255 is a private network address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "192.168.1.1", "192.168.1.1 is a private network address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "100.64.0.1", "100.64.0.1 is a carrier-grade NAT address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "100.100.100.200", "100.100.100.200 is a carrier-grade NAT address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "169.254.169.254", "169.254.169.254 is a cloud metadata address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "169.254.1.1", "169.254.1.1 is a link-local address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "fd00:ec2::254", "fd00:ec2::254 is a cloud metadata address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "fc00::1", "fc00::1 is a unique local (private network) address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "fd12:3456::1", "fd12:3456::1 is a unique local (private network) address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "fe80::1", "fe80::1 is a link-local address", nameof(WebhookSettings.AllowPrivateNetworks) },
        { "fec0::1", "fec0::1 is a site-local (private network) address", nameof(WebhookSettings.AllowPrivateNetworks) },
    };

    [Theory]
    [MemberData(nameof(RefusedUnlessAllowed))]
    public void Loopback_private_link_local_and_metadata_addresses_are_refused_unless_their_own_setting_allows_them(
        string address, string refusal, string setting)
    {
        var ip = IPAddress.Parse(address);
        var (allowing, other) = setting == nameof(WebhookSettings.AllowLoopback)
            ? (WithLoopback, WithPrivateNetworks)
            : (WithPrivateNetworks, WithLoopback);

        Assert.Equal(refusal, DeliveryAddresses.Refusal(ip, Strict));
        Assert.Equal(refusal, DeliveryAddresses.Refusal(ip, other));
        Assert.Null(DeliveryAddresses.Refusal(ip, allowing));
    }

    public static TheoryData<string, string> NeverReached => new()
    {
        { "0.0.0.0", "0.0.0.0 is an unspecified (\"this network\") address" },
        { "0.1.2.3", "0.1.2.3 is an unspecified (\"this network\") address" },
        { "::", ":: is the unspecified address" },
        { "224.0.0.1", "224.0.0.1 is a multicast address" },
        { "239.255.255.250", "239.255.255.250 is a multicast address" },
        { "ff02::1", "ff02::1 is a multicast address" },
        { "240.0.0.1", "240.0.0.1 is a reserved address" },
        { "255.255.255.254", "255.255.255.254 is a reserved address" },
        { "255.255.255.255", "255.255.255.255 is the broadcast address" },
        { "192.0.0.170", "192.0.0.170 is an address reserved for IETF protocol assignments" },
        { "198.18.0.1", "198.18.0.1 is a benchmarking address" },
        { "198.19.255.255", "198.19.255.255 is a benchmarking address" },
        { "192.0.2.1", "192.0.2.1 is a documentation address" },
        { "198.51.100.7", "198.51.100.7 is a documentation address" },
        { "203.0.113.9", "203.0.113.9 is a documentation address" },
        { "2001:db8::1", "2001:db8::1 is a documentation address" },
        { "3fff::1", "3fff::1 is a documentation address" },
        { "100::1", "100::1 is a discard-only address" },
        { "::10.0.0.5", "::10.0.0.5 is a deprecated IPv4-compatible address" },
    };

    [Theory]
    [MemberData(nameof(NeverReached))]
    public void Unspecified_multicast_reserved_benchmarking_and_documentation_addresses_are_always_refused(string address, string refusal) =>
        Assert.Equal(refusal, DeliveryAddresses.Refusal(IPAddress.Parse(address), WithBoth));

    public static TheoryData<string, string> Carried => new()
    {
        { "::ffff:127.0.0.1", "::ffff:127.0.0.1 carries 127.0.0.1, a loopback address" },
        { "::ffff:10.0.0.5", "::ffff:10.0.0.5 carries 10.0.0.5, a private network address" },
        { "::ffff:169.254.169.254", "::ffff:169.254.169.254 carries 169.254.169.254, a cloud metadata address" },
        { "64:ff9b::7f00:1", "64:ff9b::7f00:1 carries 127.0.0.1, a loopback address" },
        { "64:ff9b::a9fe:a9fe", "64:ff9b::a9fe:a9fe carries 169.254.169.254, a cloud metadata address" },
        { "2002:a00:5::1", "2002:a00:5::1 carries 10.0.0.5, a private network address" },
    };

    [Theory]
    [MemberData(nameof(Carried))]
    public void An_IPv6_address_that_carries_an_IPv4_one_is_judged_by_the_IPv4_address(string address, string refusal) =>
        Assert.Equal(refusal, DeliveryAddresses.Refusal(IPAddress.Parse(address), Strict));

    [Fact]
    public void A_carried_address_is_allowed_by_the_same_setting_as_the_address_itself()
    {
        Assert.Null(DeliveryAddresses.Refusal(IPAddress.Parse("::ffff:127.0.0.1"), WithLoopback));
        Assert.Null(DeliveryAddresses.Refusal(IPAddress.Parse("64:ff9b::a00:5"), WithPrivateNetworks));
        Assert.NotNull(DeliveryAddresses.Refusal(IPAddress.Parse("64:ff9b::a00:5"), WithLoopback));
    }
}
