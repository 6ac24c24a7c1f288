using SalesCrm.Core.Common;

namespace SalesCrm.Core.Integrations;

/// <summary>
/// A tenant's connection to an outside sender. <see cref="ExternalId"/> routes inbound traffic to the tenant: the
/// Facebook page id, the WhatsApp phone number id, or the hash of the Zapier secret.
/// </summary>
public sealed class Integration : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public IntegrationKind Kind { get; set; }
    public required string ExternalId { get; set; }
    /// <summary>Page or WhatsApp access token, encrypted with Data Protection; null for Zapier.</summary>
    public string? SecretProtected { get; set; }
    /// <summary>What the UI may show: a display phone number or the last characters of a secret.</summary>
    public string? Display { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
