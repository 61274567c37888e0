using System.Net;

namespace CaseLedger.Api.Notifications.Safety;

/// <summary>The addresses a URL's host stands for, looked up the same way when a subscription is made and when a
/// delivery connects, so the two checks judge the same addresses.</summary>
internal static class HostAddresses
{
    /// <summary>An IP literal (with or without the brackets an IPv6 one has in a URL) is its own address; a name is
    /// looked up in DNS, which throws <see cref="System.Net.Sockets.SocketException"/> when it does not resolve.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellation) =>
        IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellation);
}
