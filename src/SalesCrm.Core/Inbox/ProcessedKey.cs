namespace SalesCrm.Core.Inbox;

/// <summary>
/// An idempotency key already applied (e.g. <c>meta:leadgen:123</c>), written in the same transaction as its effect.
/// Keys are per workspace (the key is <c>(TenantId, Key)</c>): one workspace's key never skips another's lead. Every
/// lookup names the tenant, since the inbox processor reads them outside any tenant context.
/// </summary>
public sealed class ProcessedKey
{
    public required string Key { get; set; }
    public Guid TenantId { get; set; }
    public DateTime ProcessedAt { get; set; }
}
