using SalesCrm.Core.Scale;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>Listens on the cluster bus for the life of the app, without holding up start-up while Redis is down.</summary>
public sealed class ClusterBusListener(ClusterBus bus) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => bus.StartAsync(stoppingToken);
}
