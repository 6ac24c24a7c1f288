using SalesCrm.Core.Events;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Events;

/// <summary>Runs the outbox: at once when a change commits in this process, and every few seconds for anything left over (restarts).</summary>
public sealed class OutboxDispatcherService(IServiceScopeFactory scopes, ICrmEventBus bus, ILogger<OutboxDispatcherService> logger) : BatchWorker(scopes, logger)
{
    protected override TimeSpan Idle => TimeSpan.FromSeconds(5);

    /// <summary>Events commit one change at a time; a short gather hands a burst to subscribers in one transaction.</summary>
    protected override TimeSpan Gather => TimeSpan.FromMilliseconds(20);

    protected override int BatchSize => 100;

    protected override Task<int> RunBatchAsync(IServiceProvider services, int max, CancellationToken ct) =>
        services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(max, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(_ => { Wake(); return Task.CompletedTask; });
        await base.ExecuteAsync(stoppingToken);
    }
}
