namespace SalesCrm.Core.Inbox.Storage;

/// <summary>Where an accepted inbound request is made durable before it is acknowledged.</summary>
public interface IInboxSink
{
    /// <summary>Completes once the item would survive the process being killed.</summary>
    Task WriteAsync(InboxItem item, CancellationToken ct);

    /// <summary>Completes once every item written before the call is in the inbox table (read-your-writes for lists).</summary>
    Task FlushAsync(CancellationToken ct);
}
