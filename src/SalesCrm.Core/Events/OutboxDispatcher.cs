using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Events;

/// <summary>Something that acts on committed events (outbound webhooks now; workflows and gamification later).</summary>
public interface IEventSubscriber
{
    /// <summary>Handles one event inside the dispatcher's transaction; rows it adds commit together with the hand-off.</summary>
    Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct);
}

/// <summary>
/// The outbox: events are rows written with the change they describe, so a rolled-back change has no event and a
/// crash after commit loses none. This hands every undispatched event to each subscriber and marks it dispatched in
/// the same transaction, oldest first.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<CrmDbContext> dbFactory, IEnumerable<IEventSubscriber> subscribers, TimeProvider time)
{
    public async Task<int> DispatchBatchAsync(int max = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Events.IgnoreQueryFilters().Where(e => e.DispatchedAt == null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(max).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var e in pending)
        {
            foreach (var subscriber in subscribers) await subscriber.HandleAsync(db, e, ct);
            e.DispatchedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }
}
