using System.Net;
using System.Net.Sockets;

namespace SalesCrm.Core.Webhooks;

/// <summary><c>Webhooks</c> configuration.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allow loopback and private-range destinations (tests and on-premises only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Delay before each attempt, in seconds; unset means <see cref="DefaultSchedule"/>.</summary>
    /// <remarks>No initializer on purpose: configuration binding appends to an existing array instead of replacing it.</remarks>
    public int[]? RetryScheduleSeconds { get; set; }

    /// <summary>Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about a day in all (Standard Webhooks' advice).</summary>
    public static readonly int[] DefaultSchedule = [0, 5, 300, 1800, 7200, 18000, 36000, 36000];

    public int[] Schedule => RetryScheduleSeconds is { Length: > 0 } configured ? configured : DefaultSchedule;

    public int TimeoutSeconds { get; set; } = 10;
}

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
