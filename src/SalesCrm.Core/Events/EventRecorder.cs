using System.Text.Json;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Events;

/// <summary>Adds persisted events to the same unit of work as the change they describe.</summary>
public static class EventRecorder
{
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static CrmEvent Record(this CrmDbContext db, string type, Guid tenantId, Guid? leadId, object payload, DateTime now)
    {
        var user = db.CurrentUser;
        var e = new CrmEvent
        {
            TenantId = tenantId, Type = type, LeadId = leadId, OccurredAt = now,
            Payload = JsonSerializer.Serialize(payload, PayloadJson),
            ActorType = user.ActorType(), ActorId = user.ApiKeyId ?? user.UserId, ActorName = user.DisplayName, CorrelationId = user.CorrelationId,
        };
        db.Events.Add(e);
        return e;
    }

    /// <summary>The events recorded in <paramref name="db"/> and not saved yet: read before saving, published once the save committed.</summary>
    public static IReadOnlyList<CrmEvent> AddedEvents(this CrmDbContext db) =>
        db.ChangeTracker.Entries<CrmEvent>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).Select(e => e.Entity).ToList();
}
