using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section: behind a reverse proxy that ends TLS, honour its <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c> so links, redirects and secure cookies are https and rate limits see the client's address.
/// Only proxies listed here (or loopback when none are) are believed; anyone else could claim any address.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, e.g. <c>172.16.0.0/12</c> (Docker's bridge networks).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain to unwind (the entries of <c>X-Forwarded-For</c> read from the right).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 172.16.0.0/12).");
    }
}
