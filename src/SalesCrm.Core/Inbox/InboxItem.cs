using SalesCrm.Core.Common;

namespace SalesCrm.Core.Inbox;

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
    /// <summary>The instance working on this row (<c>Scale:Claims:Instance</c>) until <see cref="LeaseUntil"/>.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>When the claim lapses; after it another instance may take the row over (a crashed instance's work).</summary>
    public DateTime? LeaseUntil { get; set; }

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
