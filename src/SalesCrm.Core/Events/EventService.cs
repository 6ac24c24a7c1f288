using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Events;

public sealed record EventActor(string Type, Guid? Id, string? Name);

public sealed record EventDto(Guid Id, string Type, JsonElement Payload, DateTime OccurredAt, EventActor Actor, string? CorrelationId, Guid? LeadId, DateTime? DispatchedAt);

/// <summary>The tenant's persisted event log: listed with the list grammar, and open to integrators' own events.</summary>
public sealed class EventService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, ICrmEventBus bus, TimeProvider time)
{
    public static readonly FieldMap<CrmEvent> Fields = new FieldMap<CrmEvent>()
        .Add("id", e => e.Id).Add("type", e => e.Type).Add("lead_id", e => e.LeadId).Add("occurred_at", e => e.OccurredAt)
        .Add("actor_type", e => e.ActorType).Add("actor_id", e => e.ActorId).Add("correlation_id", e => e.CorrelationId).Add("dispatched_at", e => e.DispatchedAt);

    public async Task<Paged<EventDto>> ListAsync(IReadOnlyList<FilterNode> filters, IReadOnlyList<SortKey>? order, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FilteredList.PageAsync(db, await VisibleAsync(db, ct), Fields, filters, order, page, new SortKey("occurred_at", true), e => e.Id, ToDto, ct);
    }

    public async Task<EventDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDto(await (await VisibleAsync(db, ct)).FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Event", id));
    }

    /// <summary>
    /// The events the actor may read: an event about a lead follows that lead's visibility (a rep with visibility
    /// <c>own</c> sees only events of their own leads, plus events about no lead).
    /// </summary>
    private async Task<IQueryable<CrmEvent>> VisibleAsync(CrmDbContext db, CancellationToken ct)
    {
        var events = db.Events.AsNoTracking();
        return await leads.RestrictedToAsync(db, ct) is { } visible ? events.Where(e => e.LeadId == null || visible.Any(l => l.Id == e.LeadId)) : events;
    }

    /// <summary>Emits an integrator's event after validating it against its schema; it is dispatched like the CRM's own.</summary>
    public async Task<EventDto> EmitAsync(string? type, JsonElement? payload, Guid? leadId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        EventCatalog.Validate(type, payload);
        // An event whose payload names a lead is about that lead, so it is stored under it and follows its visibility.
        leadId ??= PayloadLeadId(payload!.Value);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (leadId is { } id && !await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == id, ct))
            throw new ValidationException("lead_id", "does not name a lead you can see.");
        var e = db.Record(type!, tenantId, leadId, payload!.Value, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        bus.Publish([e]);
        return ToDto(e);
    }

    private static Guid? PayloadLeadId(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("lead_id", out var value) && value.ValueKind == JsonValueKind.String
        && Guid.TryParse(value.GetString(), out var id) ? id : null;

    public static EventDto ToDto(CrmEvent e) => new(e.Id, e.Type, JsonSerializer.Deserialize<JsonElement>(e.Payload), e.OccurredAt,
        new EventActor(SnakeEnum.ToText(e.ActorType), e.ActorId, e.ActorName), e.CorrelationId, e.LeadId, e.DispatchedAt);
}
