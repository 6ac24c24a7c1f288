using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>Once per start, in the background: triages inbound messages stored without triage (<see cref="MessageTriageBackfill"/>).</summary>
internal sealed class MessageTriageBackfillService(IServiceScopeFactory scopes, ILogger<MessageTriageBackfillService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
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
