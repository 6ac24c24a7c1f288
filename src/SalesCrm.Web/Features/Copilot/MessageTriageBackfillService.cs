using SalesCrm.Core.Copilot;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// Once per start, in the background: triages inbound messages stored without triage (<see cref="MessageTriageBackfill"/>).
/// Instances on one PostgreSQL database started together make one pass between them (<see cref="ClusterLock"/>
/// <see cref="LockKey"/>), so no message is triaged twice (a chat model would be paid twice).
/// </summary>
internal sealed class MessageTriageBackfillService(IServiceScopeFactory scopes, DatabaseInfo database, ILogger<MessageTriageBackfillService> logger) : BackgroundService
{
    /// <summary>The cluster lock's key: "SCRM" "TRIA" in ASCII.</summary>
    public const long LockKey = 0x5343524D_54524941;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var held = await ClusterLock.TryAcquireAsync(database, LockKey, stoppingToken);
            if (held is null) return;
            await using var scope = scopes.CreateAsyncScope();
            var triaged = await scope.ServiceProvider.GetRequiredService<MessageTriageBackfill>().RunAsync(stoppingToken);
            if (triaged > 0) logger.LogInformation("Triaged {Count} inbound messages stored before triage", triaged);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Backfilling message triage failed; it is tried again at the next start");
        }
    }
}
