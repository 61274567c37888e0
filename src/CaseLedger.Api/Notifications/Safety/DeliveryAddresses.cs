using System.Net;

namespace CaseLedger.Api.Notifications.Safety;

/// <summary>
/// Which addresses a webhook delivery may connect to. A subscriber chooses the URL, so without this a subscription
/// would let anyone make this server send requests into its own network: to itself, to a database's admin port,
/// to the cloud's metadata service and the credentials it hands out. Pure, so the check at subscription time and
/// the one at connection time (against DNS rebinding) are the same check.
/// </summary>
public static class DeliveryAddresses
{
    private static readonly Func<WebhookSettings, bool> Never = _ => false;
    private static readonly Func<WebhookSettings, bool> Loopback = settings => settings.AllowLoopback;
    private static readonly Func<WebhookSettings, bool> PrivateNetworks = settings => settings.AllowPrivateNetworks;

    private sealed record Range(IPNetwork Network, string Kind, Func<WebhookSettings, bool> AllowedWhen)
    {
        public Range(string network, string kind, Func<WebhookSettings, bool> allowedWhen)
            : this(IPNetwork.Parse(network), kind, allowedWhen) { }
    }

    // The first range that holds an address decides, so a narrower range stands before the wider one around it.
    // Anything in none of them is public and may be reached. Documentation, benchmarking and reserved ranges hold
    // no real receiver, and the "allowed" switches are for an operator's own network, not for these.
    private static readonly Range[] Ranges =
    [
        new("0.0.0.0/8", "an unspecified (\"this network\") address", Never),
        new("127.0.0.0/8", "a loopback address", Loopback),
        new("10.0.0.0/8", "a private network address", PrivateNetworks),
        new("172.16.0.0/12", "a private network address", PrivateNetworks),
        new("192.168.0.0/16", "a private network address", PrivateNetworks),
        new("100.64.0.0/10", "a carrier-grade NAT address", PrivateNetworks),
        new("169.254.169.254/32", "a cloud metadata address", PrivateNetworks),
        new("169.254.0.0/16", "a link-local address", PrivateNetworks),
        new("192.0.0.0/24", "an address reserved for IETF protocol assignments", Never),
        new("192.0.2.0/24", "a documentation address", Never),
        new("198.51.100.0/24", "a documentation address", Never),
        new("203.0.113.0/24", "a documentation address", Never),
        new("198.18.0.0/15", "a benchmarking address", Never),
        new("224.0.0.0/4", "a multicast address", Never),
        new("255.255.255.255/32", "the broadcast address", Never),
        new("240.0.0.0/4", "a reserved address", Never),

        new("::/128", "the unspecified address", Never),
        new("::1/128", "a loopback address", Loopback),
        new("::/96", "a deprecated IPv4-compatible address", Never),
        new("fd00:ec2::254/128", "a cloud metadata address", PrivateNetworks),
        new("fc00::/7", "a unique local (private network) address", PrivateNetworks),
        new("fe80::/10", "a link-local address", PrivateNetworks),
        new("fec0::/10", "a site-local (private network) address", PrivateNetworks),
        new("ff00::/8", "a multicast address", Never),
        new("100::/64", "a discard-only address", Never),
        new("2001:db8::/32", "a documentation address", Never),
        new("3fff::/20", "a documentation address", Never),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Null when a delivery may connect to <paramref name="address"/>; otherwise why not, in plain words
    /// ("127.0.0.1 is a loopback address").</summary>
    public static string? Refusal(IPAddress address, WebhookSettings settings)
    {
        var judged = CarriedIPv4(address) ?? address;
        if (Ranges.FirstOrDefault(range => range.Network.Contains(judged)) is not { } range || range.AllowedWhen(settings))
            return null;
        return judged.Equals(address) ? $"{address} is {range.Kind}" : $"{address} carries {judged}, {range.Kind}";
    }

    /// <summary>The IPv4 address an IPv6 one stands for, where packets to it reach that IPv4 address: an
    /// IPv4-mapped address goes there on a dual-stack socket, NAT64 and 6to4 gateways translate to it.</summary>
    private static IPAddress? CarriedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        if (Nat64.Contains(address)) return new IPAddress(address.GetAddressBytes()[12..16]);
        if (SixToFour.Contains(address)) return new IPAddress(address.GetAddressBytes()[2..6]);
        return null;
    }
}
