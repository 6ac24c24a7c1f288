using SalesCrm.Core.Events;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Events;

/// <summary>Runs the outbox: at once when a change commits in this process, and every few seconds for anything left over (restarts).</summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, ICrmEventBus bus, ILogger<OutboxDispatcherService> logger) : BatchWorker(scopes, logger)
{
    protected override TimeSpan Idle => TimeSpan.FromSeconds(5);

    protected override Task<int> RunBatchAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(100, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(_ => { Wake(); return Task.CompletedTask; });
        await base.ExecuteAsync(stoppingToken);
    }
}
