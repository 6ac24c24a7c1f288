using SalesCrm.Core.Data;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Declares the schedules of active workflows once the host has started (after the database was migrated).</summary>
public sealed class WorkflowSchedulesStartup(IServiceScopeFactory scopes, ILogger<WorkflowSchedulesStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await scope.ServiceProvider.GetRequiredService<WorkflowSchedules>().ApplyAllAsync(db, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Declaring the workflow schedules failed; they are declared again when each workflow is published.");
        }
    }
}
