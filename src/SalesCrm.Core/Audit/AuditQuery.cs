using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Audit;

public sealed record AuditLogDto(Guid Id, DateTime OccurredAt, string ActorType, Guid? ActorId, string? ActorName,
    string Entity, Guid EntityId, string Action, JsonElement Changes, string? CorrelationId);

public sealed record AuditFilter(string? Entity = null, Guid? EntityId = null, string? Action = null, Guid? ActorId = null,
    DateTime? From = null, DateTime? To = null);

/// <summary>Reads the current tenant's audit trail, newest first.</summary>
public sealed class AuditQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads)
{
    public async Task<Paged<AuditLogDto>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await VisibleAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(filter.Entity)) q = q.Where(a => a.Entity == filter.Entity);
        if (filter.EntityId is { } id) q = q.Where(a => a.EntityId == id);
        if (!string.IsNullOrWhiteSpace(filter.Action)) q = q.Where(a => a.Action == filter.Action);
        if (filter.ActorId is { } actor) q = q.Where(a => a.ActorId == actor);
        if (filter.From is { } from) q = q.Where(a => a.OccurredAt >= from.ToUniversalTime());
        if (filter.To is { } to) q = q.Where(a => a.OccurredAt <= to.ToUniversalTime());
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        var items = rows.Select(a => new AuditLogDto(a.Id, a.OccurredAt, a.ActorType.ToString(), a.ActorId, a.ActorName, a.Entity, a.EntityId,
            a.Action, JsonSerializer.Deserialize<JsonElement>(a.Changes), a.CorrelationId)).ToList();
        return new Paged<AuditLogDto>(items, total, page.Limit, page.Offset);
    }

    /// <summary>
    /// Entries the actor may read. Entries about a lead, its timeline entries or its activities follow the lead's
    /// visibility (a member whose role sees only their own leads gets only those leads' entries, plus entries about
    /// workspace settings); an entry whose lead no longer exists is then hidden too.
    /// </summary>
    private async Task<IQueryable<AuditLog>> VisibleAsync(CrmDbContext db, CancellationToken ct)
    {
        var entries = db.AuditLogs.AsNoTracking();
        if (await leads.RestrictedToAsync(db, ct) is not { } visible) return entries;
        return entries.Where(a =>
            (a.Entity != nameof(Lead) && a.Entity != nameof(Interactions.Interaction) && a.Entity != nameof(Activities.Activity))
            || (a.Entity == nameof(Lead) && visible.Any(l => l.Id == a.EntityId))
            || (a.Entity == nameof(Interactions.Interaction) && db.Interactions.Any(i => i.Id == a.EntityId && visible.Any(l => l.Id == i.LeadId)))
            || (a.Entity == nameof(Activities.Activity) && db.Activities.Any(x => x.Id == a.EntityId && visible.Any(l => l.Id == x.LeadId))));
    }

    /// <summary>The entity names present in the tenant's trail, for the page's filter.</summary>
    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditLogs.AsNoTracking().Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }
}
