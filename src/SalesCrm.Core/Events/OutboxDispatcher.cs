using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Claims;
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
/// <remarks>
/// Several instances (ADR 047): on PostgreSQL the batch is read <c>FOR UPDATE SKIP LOCKED</c> inside that transaction,
/// so each event is handed off by exactly one instance (a crash rolls the transaction back and frees the rows). SQLite is
/// one process, so it reads the batch plainly. A subscriber that throws does not hold the outbox up: the batch is redone
/// one event at a time, the failing subscriber gets a <see cref="SubscriberRetry"/> row with its own schedule, and the
/// event is handed to the others.
/// </remarks>
public sealed class OutboxDispatcher(IDbContextFactory<CrmDbContext> dbFactory, IEnumerable<IEventSubscriber> subscribers, TimeProvider time)
{
    /// <summary>Seconds before retry n of a failed subscriber; after the last one the retry row stays failed.</summary>
    internal static readonly int[] RetryDelays = [5, 30, 120, 600, 3600];

    private readonly List<IEventSubscriber> _subscribers = subscribers.ToList();

    public static string NameOf(IEventSubscriber subscriber) => subscriber.GetType().FullName ?? subscriber.GetType().Name;

    /// <summary>Hands off up to <paramref name="max"/> events and then runs due subscriber retries; returns how many events it handed off.</summary>
    public async Task<int> DispatchBatchAsync(int max = 100, CancellationToken ct = default)
    {
        List<Guid> ids;
        try
        {
            ids = await DispatchTogetherAsync(max, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ids = await PendingIdsAsync(max, ct);
            foreach (var id in ids) await DispatchAloneAsync(id, ct);
        }
        await RetryDueAsync(max, ct);
        return ids.Count;
    }

    /// <summary>The fast path: one transaction for the whole batch.</summary>
    private async Task<List<Guid>> DispatchTogetherAsync(int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await ClaimAsync(db, max, ct);
        if (pending.Count == 0) return [];
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var e in pending)
        {
            foreach (var subscriber in _subscribers) await subscriber.HandleAsync(db, e, ct);
            e.DispatchedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Select(e => e.Id).ToList();
    }

    private static Task<List<CrmEvent>> ClaimAsync(CrmDbContext db, int max, CancellationToken ct) =>
        WorkClaims.IsPostgres(db)
            ? db.Events.FromSqlRaw("""SELECT * FROM events WHERE "DispatchedAt" IS NULL ORDER BY "OccurredAt", "Id" LIMIT {0} FOR UPDATE SKIP LOCKED""", max)
                .IgnoreQueryFilters().ToListAsync(ct)
            : db.Events.IgnoreQueryFilters().Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(max).ToListAsync(ct);

    private async Task<List<Guid>> PendingIdsAsync(int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.IgnoreQueryFilters().Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(max).Select(e => e.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The careful path after a batch failed: one event in its own transaction. A subscriber that throws is left out
    /// (the attempt is rolled back and redone without it) and gets a retry row; the rest commit with the hand-off.
    /// </summary>
    private async Task DispatchAloneAsync(Guid id, CancellationToken ct)
    {
        var failed = new Dictionary<string, string>();
        while (true)
        {
            IEventSubscriber? current = null;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var e = await LockEventAsync(db, id, ct);
                if (e is null || e.DispatchedAt is not null) return;
                var now = time.GetUtcNow().UtcDateTime;
                foreach (var subscriber in _subscribers.Where(s => !failed.ContainsKey(NameOf(s))))
                {
                    current = subscriber;
                    await subscriber.HandleAsync(db, e, ct);
                    // Saved (not yet committed) per subscriber, so rows a subscriber adds that the database refuses count against it.
                    await db.SaveChangesAsync(ct);
                }
                current = null;
                foreach (var (name, error) in failed)
                {
                    db.SubscriberRetries.Add(new SubscriberRetry
                    {
                        TenantId = e.TenantId, EventId = e.Id, Subscriber = name, Attempts = 1, LastError = error, CreatedAt = now, NextAttemptAt = now.AddSeconds(RetryDelays[0]),
                    });
                }
                e.DispatchedAt = now;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return;
            }
            catch (Exception e) when (current is not null && (e is not OperationCanceledException || !ct.IsCancellationRequested))
            {
                failed[NameOf(current)] = Describe(e);
            }
        }
    }

    private static async Task<CrmEvent?> LockEventAsync(CrmDbContext db, Guid id, CancellationToken ct) =>
        WorkClaims.IsPostgres(db)
            ? (await db.Events.FromSqlRaw("""SELECT * FROM events WHERE "Id" = {0} FOR UPDATE SKIP LOCKED""", id).IgnoreQueryFilters().ToListAsync(ct)).FirstOrDefault()
            : await db.Events.IgnoreQueryFilters().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Runs due subscriber retries, each alone in its own transaction; returns how many it attempted.</summary>
    public async Task<int> RetryDueAsync(int max = 100, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.SubscriberRetries.IgnoreQueryFilters().Where(r => !r.Failed && r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).Take(max).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in due) await RetryAsync(id, ct);
        return due.Count;
    }

    private async Task RetryAsync(Guid id, CancellationToken ct)
    {
        string error;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var retry = WorkClaims.IsPostgres(db)
                ? (await db.SubscriberRetries.FromSqlRaw("""SELECT * FROM event_subscriber_retries WHERE "Id" = {0} FOR UPDATE SKIP LOCKED""", id).IgnoreQueryFilters().ToListAsync(ct)).FirstOrDefault()
                : await db.SubscriberRetries.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id, ct);
            var now = time.GetUtcNow().UtcDateTime;
            if (retry is null || retry.Failed || retry.NextAttemptAt > now) return;
            var subscriber = _subscribers.FirstOrDefault(s => NameOf(s) == retry.Subscriber);
            var e = await db.Events.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == retry.EventId, ct);
            if (subscriber is not null && e is not null) await subscriber.HandleAsync(db, e, ct);
            db.SubscriberRetries.Remove(retry);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = Describe(e);
        }
        // The attempt rolled back; record it on its own.
        await using var record = await dbFactory.CreateDbContextAsync(ct);
        var row = await record.SubscriberRetries.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return;
        row.Attempts++;
        row.LastError = error;
        if (row.Attempts > RetryDelays.Length) row.Failed = true;
        else row.NextAttemptAt = time.GetUtcNow().UtcDateTime.AddSeconds(RetryDelays[row.Attempts - 1]);
        await record.SaveChangesAsync(ct);
    }

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
