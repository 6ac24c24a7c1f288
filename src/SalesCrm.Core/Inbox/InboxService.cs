using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox.Storage;

namespace SalesCrm.Core.Inbox;

/// <summary>Lets admins see and retry stored inbound requests, failures first of all.</summary>
public sealed class InboxService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, InboxSignal signal, IInboxSink sink, TimeProvider time)
{
    /// <summary>The workspace's stored inbound requests, newest first; <paramref name="withWarnings"/> keeps only those applied with a warning.</summary>
    public async Task<Paged<InboxItemDto>> ListAsync(InboxStatus? status, PageRequest page, CancellationToken ct = default, bool withWarnings = false)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        page.Normalize();
        await sink.FlushAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Mine(db, tenantId);
        if (status is { } s) q = q.Where(i => i.Status == s);
        if (withWarnings) q = q.Where(i => i.Warnings != null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        var full = await SeesEveryLeadAsync(ct);
        return new Paged<InboxItemDto>(items.Select(i => ToDto(i, full)).ToList(), total, page.Limit, page.Offset);
    }

    public async Task<InboxItemDto> RetryAsync(Guid id, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        await sink.FlushAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await Mine(db, tenantId).FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Inbox item", id);
        if (item.Status == InboxStatus.Processed) throw new ConflictException("The item was already processed.");
        item.Status = InboxStatus.Pending;
        item.Attempts = 0;
        item.NextAttemptAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(item, await SeesEveryLeadAsync(ct));
    }

    /// <summary>Queues every failed item of the workspace again, at once; returns how many.</summary>
    public async Task<int> RetryFailedAsync(CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        await sink.FlushAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await Mine(db, tenantId).Where(i => i.Status == InboxStatus.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InboxStatus.Pending).SetProperty(i => i.Attempts, 0).SetProperty(i => i.NextAttemptAt, time.GetUtcNow().UtcDateTime), ct);
        if (requeued > 0) signal.Notify();
        return requeued;
    }

    /// <summary>Items received for the tenant, or routed to it while processing.</summary>
    private static IQueryable<InboxItem> Mine(CrmDbContext db, Guid tenantId)
    {
        var text = tenantId.ToString();
        return db.Inbox.Where(i => i.TenantId == tenantId || (i.Tenants != null && i.Tenants.Contains(text)));
    }

    /// <summary>
    /// An inbound request carries the leads it brings (names, phones) before any of them has an owner, so a member whose
    /// role sees only their own leads gets the item without its body, error text and warnings (which may quote a phone).
    /// </summary>
    private async Task<bool> SeesEveryLeadAsync(CancellationToken ct) => await access.GetVisibilityAsync(ct) == VisibilityScope.All;

    private static InboxItemDto ToDto(InboxItem i, bool withContent) => new(i.Id, i.Provider, i.Status, i.Attempts, i.ReceivedAt, i.ProcessedAt, i.NextAttemptAt,
        withContent ? i.LastError : null, !withContent ? "" : i.Body.Length > 500 ? i.Body[..500] : i.Body, i.ParentId, i.Part,
        withContent ? (i.Warnings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries) : []);
}
