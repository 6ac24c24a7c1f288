using Quartz;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// The Quartz job behind insights: fired every hour it runs the workspaces whose local morning hour it is
/// (<see cref="InsightSweep.RunDueAsync"/>); fired on demand with a <see cref="TenantKey"/> it runs that workspace.
/// Fired once when the scheduler starts (<see cref="CatchUpKey"/>), it runs the workspaces whose daily run was lost
/// while the app was down (<see cref="InsightSweep.CatchUpAsync"/>; the in-memory scheduler has no misfires to replay).
/// One run at a time, so two on-demand requests of a workspace never race on its dedupe keys.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InsightsJob(InsightSweep sweep, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("insights", "salescrm");
    public const string TenantKey = "tenant_id";
    public const string CatchUpKey = "catch_up";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (context.MergedJobDataMap.TryGetString(TenantKey, out var tenant) && Guid.TryParse(tenant, out var tenantId))
            await sweep.RunAsync(tenantId, now, ct);
        else if (context.MergedJobDataMap.ContainsKey(CatchUpKey))
            await sweep.CatchUpAsync(now, ct);
        else
            await sweep.RunDueAsync(now, ct);
    }
}
