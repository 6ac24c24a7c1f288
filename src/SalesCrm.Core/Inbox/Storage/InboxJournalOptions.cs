namespace SalesCrm.Core.Inbox.Storage;

/// <summary><c>Inbox:Journal</c>: the append-only journal in front of the inbox table (embedded SQLite only).</summary>
public sealed class InboxJournalOptions
{
    /// <summary>Folder of the journal segments; null writes straight to the table (<see cref="InboxWriter"/>).</summary>
    public string? Directory { get; set; }

    /// <summary>A segment is closed and a new one started past this size; closed segments are deleted once moved.</summary>
    public long SegmentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Received items not yet in the table above which receiving waits for the mover (bounds memory).</summary>
    public int MaxBacklog { get; set; } = 20_000;
}
