using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Events;
using SalesCrm.Web.Infrastructure.Hubs;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>Turns committed lead events into hub messages for the tenant's group and the owners' personal groups.</summary>
public sealed class PipelineBroadcaster(ICrmEventBus bus, IHubContext<PipelineHub> hub, ILogger<PipelineBroadcaster> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.SubscribeOwn(OnEventAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The hub message name for an event type, or null when boards do not care.</summary>
    public static string? MessageFor(string type) => type switch
    {
        EventTypes.LeadCreated => "LeadCreated",
        EventTypes.LeadStageChanged => "LeadMoved",
        EventTypes.LeadDeleted => "LeadDeleted",
        EventTypes.LeadUpdated or EventTypes.LeadAssigned or EventTypes.LeadMerged or EventTypes.InteractionCreated => "LeadUpdated",
        _ => null,
    };

    private async Task OnEventAsync(CrmEvent e)
    {
        if (e.LeadId is null || MessageFor(e.Type) is not { } message) return;
        var payload = JsonNode.Parse(e.Payload)!.AsObject();
        // The owner given at creation already travelled with LeadCreated.
        if (e.Type == EventTypes.LeadAssigned && payload["initial"]?.GetValue<bool>() == true) return;
        payload["lead_id"] ??= e.LeadId.ToString();
        payload["event_id"] = e.Id.ToString();
        payload["event"] = e.Type;
        payload["occurred_at"] = e.OccurredAt;
        var owner = Guid.TryParse(payload["owner_id"]?.ToString(), out var o) ? o : (Guid?)null;
        var previous = Guid.TryParse(payload["previous_owner_id"]?.ToString(), out var p) ? p : (Guid?)null;
        try
        {
            var data = JsonSerializer.SerializeToElement(payload);
            await hub.Clients.Group(VisibilityGroups<PipelineHub>.AllGroup(e.TenantId)).SendAsync(message, data);
            if (owner is { } ownerId) await hub.Clients.Group(VisibilityGroups<PipelineHub>.UserGroup(e.TenantId, ownerId)).SendAsync(message, data);
            // A rep who only sees their own leads loses this one when it is reassigned away.
            if (previous is { } previousId && previousId != owner)
                await hub.Clients.Group(VisibilityGroups<PipelineHub>.UserGroup(e.TenantId, previousId)).SendAsync("LeadDeleted", data);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Broadcasting {Type} for lead {LeadId} failed", e.Type, e.LeadId);
        }
    }
}
