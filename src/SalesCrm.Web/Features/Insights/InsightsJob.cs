using Quartz;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// The Quartz job behind insights: fired every hour it runs the workspaces whose local morning hour it is
/// (<see cref="InsightSweep.RunDueAsync"/>); fired on demand with a <see cref="TenantKey"/> it runs that workspace.
/// One run at a time, so two on-demand requests of a workspace never race on its dedupe keys.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InsightsJob(InsightSweep sweep, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("insights", "salescrm");
    public const string TenantKey = "tenant_id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (context.MergedJobDataMap.TryGetString(TenantKey, out var tenant) && Guid.TryParse(tenant, out var tenantId))
            await sweep.RunAsync(tenantId, now, ct);
        else
            await sweep.RunDueAsync(now, ct);
    }
}
