using Quartz;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>Queues an on-demand run of <see cref="InsightsJob"/> for one workspace.</summary>
public sealed class QuartzInsightScheduler(ISchedulerFactory schedulers) : IInsightScheduler
{
    public async Task RequestAsync(Guid tenantId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(InsightsJob.Key, new JobDataMap { [InsightsJob.TenantKey] = tenantId.ToString() }, ct);
    }
}
