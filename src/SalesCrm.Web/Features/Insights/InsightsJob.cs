using Quartz;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// The Quartz job behind insights: fired every hour it runs the workspaces whose local morning hour it is
/// (<see cref="InsightSweep.RunDueAsync"/>); fired on demand with a <see cref="TenantKey"/> it runs that workspace.
/// Fired once when the scheduler starts (<see cref="CatchUpKey"/>), it runs the workspaces whose daily run was lost
/// while the app was down (<see cref="InsightSweep.CatchUpAsync"/>; the in-memory scheduler has no misfires to replay).
/// On the clustered store (PostgreSQL) there is no start-up trigger: the hourly fire remembers when it last ran (in the
/// job's stored data), and a fire that finds more than <see cref="MissedRunGap"/> since then — the misfire replayed when
/// the cluster comes back, or the first fire ever — catches up first. So the catch-up runs once per cluster, not once per
/// started instance (ADR 048).
/// One run at a time (across the cluster), so two on-demand requests of a workspace never race on its dedupe keys.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public sealed class InsightsJob(InsightSweep sweep, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("insights", "salescrm");
    public const string TenantKey = "tenant_id";
    public const string CatchUpKey = "catch_up";
    public static readonly TriggerKey HourlyTrigger = new("insights-hourly", "salescrm");

    /// <summary>The stored job data entry with the UTC ticks of the last hourly run (clustered store only).</summary>
    public const string LastHourlyRunKey = "last_hourly_run_ticks";

    /// <summary>Longer than the hour between two fires plus the misfire threshold: a fire was missed.</summary>
    public static readonly TimeSpan MissedRunGap = TimeSpan.FromMinutes(90);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (context.MergedJobDataMap.TryGetString(TenantKey, out var tenant) && Guid.TryParse(tenant, out var tenantId))
            await sweep.RunAsync(tenantId, now, ct);
        else if (context.MergedJobDataMap.ContainsKey(CatchUpKey))
            await sweep.CatchUpAsync(now, ct);
        else
        {
            if (await MissedARunAsync(context, now, ct)) await sweep.CatchUpAsync(now, ct);
            await sweep.RunDueAsync(now, ct);
            context.JobDetail.JobDataMap[LastHourlyRunKey] = now.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<bool> MissedARunAsync(IJobExecutionContext context, DateTime now, CancellationToken ct)
    {
        if (!(await context.Scheduler.GetMetadata(ct)).JobStorePersistent) return false; // the start-up trigger catches up
        return !context.JobDetail.JobDataMap.TryGetString(LastHourlyRunKey, out var stored) || !long.TryParse(stored, out var ticks)
            || now - new DateTime(ticks, DateTimeKind.Utc) > MissedRunGap;
    }
}
