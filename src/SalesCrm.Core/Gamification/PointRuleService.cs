using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// The workspace's scoring table and the replay that recomputes every award from the event log. Reading needs
/// <c>leads.read</c>; changing the table or replaying needs <c>pipeline.manage</c> (managers own how the team's sales
/// process is scored, as they own its pipelines; ADR 031).
/// </summary>
public sealed class PointRuleService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>The effective rules: every default key, with the workspace's overrides.</summary>
    public async Task<IReadOnlyList<PointRuleDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return PointRules.Effective(await db.PointRules.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>
    /// Stores changes to rules (applies to events scored from now on; <see cref="ReplayAsync"/> rescores the past). A
    /// <see cref="ValidationException"/> keyed <c>items[i].field</c> names each bad entry; nothing is stored then.
    /// </summary>
    public async Task<IReadOnlyList<PointRuleDto>> PutAsync(IReadOnlyList<PointRuleInput> items, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.PipelineManage, ct);
        var v = new Validator().When(items.Count == 0, "items", "must hold at least one rule.");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            v.When(item.Key is null || !PointRules.IsKey(item.Key), $"items[{i}].key", $"must be one of {string.Join(", ", PointRules.Defaults.Select(d => d.Key))}.");
            v.When(item.Points is < 0 or > 1000, $"items[{i}].points", "must be between 0 and 1000.");
            v.When(item.ThresholdMinutes is < 1 or > 1440, $"items[{i}].threshold_minutes", "must be between 1 and 1440.");
        }
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.PointRules.ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in items)
        {
            var current = PointRules.Effective(stored).Single(r => r.Key == item.Key);
            var row = stored.FirstOrDefault(r => r.Key == item.Key);
            if (row is null)
            {
                row = new PointRule { Key = item.Key!, Points = current.Points, Enabled = current.Enabled, ThresholdMinutes = current.ThresholdMinutes };
                db.PointRules.Add(row);
                stored.Add(row);
            }
            row.Points = item.Points ?? row.Points;
            row.Enabled = item.Enabled ?? row.Enabled;
            if (item.Key == PointRules.FastReply) row.ThresholdMinutes = item.ThresholdMinutes ?? row.ThresholdMinutes;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return PointRules.Effective(stored);
    }

    /// <summary>
    /// Recomputes the workspace's awards from its event log with today's rules: deletes them, then scores every event in
    /// order (<see cref="GameBook"/>). Mission completions stay (each already has its <c>mission.completed</c> event,
    /// which is scored again); a mission reached only now is completed now. Replaying twice gives the same ledger.
    /// </summary>
    public async Task<ReplayResult> ReplayAsync(CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.PipelineManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One transaction: readers never see a half-rebuilt ledger, and the outbox scoring the same event meanwhile
        // waits on the unique index, then finds the award and skips it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.PointAwards.Where(a => a.TenantId == tenantId).ExecuteDeleteAsync(ct);
        var book = await GameBook.LoadAsync(db, tenantId, ct);
        var events = 0;
        while (true)
        {
            // Offset pages: a mission.completed recorded meanwhile sorts before the next page and shifts it back by one,
            // which only scores an event again (a no-op), never skips one.
            var page = await db.Events.AsNoTracking().Where(e => e.TenantId == tenantId)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Skip(events).Take(500).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var e in page) await book.ApplyAsync(e, ct);
            // A mission completed during the replay has a new event: score it in this replay too.
            foreach (var e in book.MissionsCompleted.ToList()) await book.ApplyAsync(e, ct);
            await db.SaveChangesAsync(ct);
            book.Saved();
            events += page.Count;
        }
        var awards = await db.PointAwards.CountAsync(ct);
        var points = await db.PointAwards.SumAsync(a => (long?)a.Points, ct) ?? 0;
        await tx.CommitAsync(ct);
        if (book.MissionsCompleted.Count > 0) bus.Publish(book.MissionsCompleted);
        return new ReplayResult(events, awards, points);
    }
}
