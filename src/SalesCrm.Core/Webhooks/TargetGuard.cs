using System.Net;
using System.Net.Sockets;

namespace SalesCrm.Core.Webhooks;

/// <summary>Refuses webhook destinations that would reach into the server's own network (SSRF).</summary>
public static class TargetGuard
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127,
            169 => b[1] == 254,
            172 => b[1] >= 16 && b[1] <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
            >= 224 => true,
            _ => false,
        };
    }

    /// <summary>Null when the URL is acceptable; otherwise the reason.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivate, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "must be an absolute http(s) URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not contain credentials.";
        if (allowPrivate) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, ct);
        }
        catch (SocketException)
        {
            // Unresolvable now (DNS hiccup, not yet published) is not refused: every attempt re-checks at connect time.
            return null;
        }
        return addresses.Any(IsPrivate) ? "points to a loopback or private network address." : null;
    }
}
