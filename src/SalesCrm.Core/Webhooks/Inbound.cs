using SalesCrm.Core.Common;

namespace SalesCrm.Core.Webhooks;

public enum IntegrationKind { MetaPage, WhatsApp, Zapier }

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

public enum InboxProvider { MetaLeads, Zapier, WhatsApp }

public enum InboxStatus { Pending, Processed, Failed }

/// <summary>
/// An authenticated inbound webhook request, stored verbatim before it is acknowledged. The tenant is known at receipt
/// for Zapier; for Meta and WhatsApp each entry routes itself during processing, so the row may stay tenant-less.
/// </summary>
public sealed class InboxItem
{
    public Guid Id { get; set; } = Ids.New();
    public InboxProvider Provider { get; set; }
    public Guid? TenantId { get; set; }
    public required string Body { get; set; }
    public string Headers { get; set; } = "{}";
    public DateTime ReceivedAt { get; set; }
    public InboxStatus Status { get; set; } = InboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? ProcessedAt { get; set; }
    /// <summary>Tenants this item touched (for the per-tenant failed list), comma-separated.</summary>
    public string? Tenants { get; set; }
    /// <summary>For one item of a request the processor split (<see cref="InboxSplit"/>): the stored request it came from.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>The item's position in that request, from 0; orders items that became due together.</summary>
    public int? Part { get; set; }
    /// <summary>
    /// What was applied with a loss, one line each (e.g. an amount or a phone that could not be read, kept as text on the lead). Kept
    /// across retries so a warning from an attempt that applied part of the item is not lost.
    /// </summary>
    public string? Warnings { get; set; }

    /// <summary>Appends warnings not already recorded, within <see cref="MaxWarningsLength"/> characters.</summary>
    public void AddWarnings(IEnumerable<string> warnings)
    {
        var lines = (Warnings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.AddRange(warnings.Where(w => !lines.Contains(w)));
        var text = string.Join('\n', lines);
        Warnings = text.Length == 0 ? null : text.Length > MaxWarningsLength ? text[..MaxWarningsLength] : text;
    }

    public const int MaxWarningsLength = 4000;
}

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
