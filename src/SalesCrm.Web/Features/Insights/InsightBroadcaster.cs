using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Events;
using SalesCrm.Web.Infrastructure.Hubs;

namespace SalesCrm.Web.Features.Insights;

/// <summary>Turns <see cref="EventTypes.InsightGenerated"/> notices on the bus into <c>InsightGenerated</c> hub messages for the workspace and the insight's subject.</summary>
public sealed class InsightBroadcaster(ICrmEventBus bus, IHubContext<InsightsHub> hub, ILogger<InsightBroadcaster> logger) : IHostedService
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

    private async Task OnEventAsync(CrmEvent e)
    {
        if (e.Type != EventTypes.InsightGenerated) return;
        try
        {
            var data = JsonSerializer.Deserialize<JsonElement>(e.Payload);
            await hub.Clients.Group(VisibilityGroups<InsightsHub>.AllGroup(e.TenantId)).SendAsync(InsightsHub.Message, data);
            if (data.TryGetProperty("subject_user_id", out var subject) && subject.ValueKind == JsonValueKind.String && Guid.TryParse(subject.GetString(), out var userId))
                await hub.Clients.Group(VisibilityGroups<InsightsHub>.UserGroup(e.TenantId, userId)).SendAsync(InsightsHub.Message, data);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Broadcasting an insight of workspace {TenantId} failed", e.TenantId);
        }
    }
}
