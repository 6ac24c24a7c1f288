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

    /// <summary>
    /// Names for the ids the entries mention (their own entity and every id-valued change), so a page can show "Ana
    /// Souza" instead of a GUID: leads the reader may see, members, stages, pipelines, roles, activities, timeline
    /// entries, API keys, webhooks, templates and integrations. A record deleted since keeps the name its deletion
    /// entry recorded (leads excepted: their visibility decides). Ids that name nothing the reader may see are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, AuditReference>> ReferencesAsync(IReadOnlyList<AuditLogDto> entries, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        var ids = entries.Select(e => e.EntityId).Concat(entries.SelectMany(e => MentionedIds(e.Changes))).ToHashSet();
        var found = new Dictionary<Guid, AuditReference>();
        if (ids.Count == 0) return found;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = (await leads.VisibleAsync(db, ct)).IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]);
        void Add<T>(IEnumerable<T> rows, Func<T, Guid> id, Func<T, AuditReference> describe)
        {
            foreach (var row in rows) found.TryAdd(id(row), describe(row));
        }
        Add(await visible.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Name, l.Currency }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Lead), r.Name, Currency: r.Currency));
        Add(await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(AppUser), r.Name));
        Add(await db.Stages.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.PipelineId }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Pipelines.Stage), r.Name, r.PipelineId));
        Add(await db.Pipelines.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Pipelines.Pipeline), r.Name));
        Add(await db.Roles.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Role), r.Name));
        Add(await db.Memberships.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.User!.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Tenancy.Membership), r.Name));
        Add(await db.Activities.Where(a => ids.Contains(a.Id) && visible.Any(l => l.Id == a.LeadId)).Select(a => new { a.Id, a.Title, a.LeadId }).ToListAsync(ct),
            r => r.Id, r => new AuditReference(nameof(Activities.Activity), r.Title, r.LeadId));
        Add(await db.Interactions.Where(i => ids.Contains(i.Id) && visible.Any(l => l.Id == i.LeadId)).Select(i => new { i.Id, i.Type, i.LeadId }).ToListAsync(ct),
            r => r.Id, r => new AuditReference(nameof(Interactions.Interaction), Data.SnakeEnum.ToText(r.Type), r.LeadId));
        Add(await db.ApiKeys.Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(ApiKey), r.Name));
        Add(await db.WebhookSubscriptions.Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.Url }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Webhooks.WebhookSubscription), r.Url));
        Add(await db.MessageTemplates.Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Messaging.MessageTemplate), r.Name));
        // A WhatsApp integration is named by its number (Display holds "number|token hint"); a page or Zapier by its id,
        // never by the hint of its secret.
        Add(await db.Integrations.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Kind, i.Display, i.ExternalId }).ToListAsync(ct), r => r.Id,
            r => new AuditReference(nameof(Integrations.Integration),
                r.Kind == Integrations.IntegrationKind.WhatsApp && r.Display?.Split('|')[0] is { Length: > 0 } number ? number : r.ExternalId));
        var tenantId = access.User.TenantId;
        Add(await db.Tenants.Where(t => t.Id == tenantId && ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct), r => r.Id, r => new AuditReference(nameof(Tenancy.Tenant), r.Name));
        // Deleted since: the name their deletion recorded. Timeline and activity entries follow their lead, so not them.
        var gone = ids.Where(id => !found.ContainsKey(id)).ToList();
        var deletions = await db.AuditLogs.AsNoTracking()
            .Where(a => gone.Contains(a.EntityId) && a.Action == AuditActions.Delete && a.Entity != nameof(Lead) && a.Entity != nameof(Interactions.Interaction) && a.Entity != nameof(Activities.Activity))
            .Select(a => new { a.EntityId, a.Entity, a.Changes }).ToListAsync(ct);
        foreach (var deletion in deletions)
        {
            if (RecordedName(deletion.Changes) is { } name) found.TryAdd(deletion.EntityId, new AuditReference(deletion.Entity, name, Exists: false));
        }
        return found;
    }

    /// <summary>
    /// The ids among a change set's old and new values, in reference fields only (<c>OwnerId</c>, <c>StageId</c>, …):
    /// those the services check. A GUID typed into free text (a company name) is not looked up, so no one can make the
    /// page name a user of another workspace.
    /// </summary>
    internal static IEnumerable<Guid> MentionedIds(JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object) yield break;
        foreach (var field in changes.EnumerateObject())
        {
            if (field.Value.ValueKind != JsonValueKind.Object || !IsReference(field.Name)) continue;
            foreach (var side in field.Value.EnumerateObject())
            {
                if (side.Value.ValueKind == JsonValueKind.String && Guid.TryParse(side.Value.GetString(), out var id)) yield return id;
            }
        }
    }

    /// <summary>Fields holding the id of another record: <c>LeadId</c>, <c>OwnerId</c>, <c>CreatedByUserId</c>…</summary>
    public static bool IsReference(string field) => field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2;

    private static string? RecordedName(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        foreach (var field in new[] { "Name", "Title", "Url" })
        {
            if (json.RootElement.TryGetProperty(field, out var change) && change.ValueKind == JsonValueKind.Object
                && change.TryGetProperty("old", out var old) && old.ValueKind == JsonValueKind.String) return old.GetString();
        }
        return null;
    }

    /// <summary>The entity names present in the tenant's trail, for the page's filter.</summary>
    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditLogs.AsNoTracking().Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }
}
