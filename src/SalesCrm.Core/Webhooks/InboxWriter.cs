using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Webhooks;

/// <summary>
/// Group commit for inbound webhooks: concurrent receipts are inserted together in one transaction, and each caller is
/// answered only after the transaction holding its row committed. Same durability, far fewer commits under load.
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<(InboxItem Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(InboxItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly Task _loop;

    public InboxWriter(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(InboxItem item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done))) throw new InvalidOperationException("The inbox is shutting down.");
        // The write goes ahead even if this caller gives up: it was received, and nothing received is dropped.
        return done.Task.WaitAsync(ct);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                db.Inbox.AddRange(batch.Select(b => b.Item));
                await db.SaveChangesAsync();
                foreach (var (_, done) in batch) done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
