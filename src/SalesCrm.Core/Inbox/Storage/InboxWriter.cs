using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCrm.Core.Inbox.Storage;

/// <summary>
/// Group commit straight into the inbox table: concurrent receipts are inserted together, and each caller is answered
/// only after the statement holding its row committed. Same durability as one commit per request, far fewer commits
/// under load. Used on PostgreSQL, where a row committed by one instance is visible to every instance.
/// </summary>
public sealed class InboxWriter : IInboxSink, IAsyncDisposable
{
    private readonly Channel<(InboxItem Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(InboxItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InboxTableWriter _table;
    private readonly InboxSignal _signal;
    private readonly Task _loop;

    public InboxWriter(IServiceScopeFactory scopes, InboxSignal signal)
    {
        _table = new InboxTableWriter(scopes);
        _signal = signal;
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(InboxItem item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done))) throw new InvalidOperationException("The inbox is shutting down.");
        // The write goes ahead even if this caller gives up: it was received, and nothing received is dropped.
        return done.Task.WaitAsync(ct);
    }

    /// <summary>Every write is in the table by the time its caller returns.</summary>
    public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task WriteLoopAsync()
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource Done)>(InboxTableWriter.RowsPerStatement);
        var items = new List<InboxItem>(InboxTableWriter.RowsPerStatement);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            items.Clear();
            while (batch.Count < InboxTableWriter.RowsPerStatement && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                items.Add(next.Item);
            }
            try
            {
                await _table.InsertAsync(items);
                foreach (var (_, done) in batch) done.TrySetResult();
                _signal.NotifyIfPending(items);
            }
            catch (Exception e)
            {
                await _table.ResetAsync();
                foreach (var (_, done) in batch) done.TrySetException(e);
            }
        }
        await _table.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
