namespace SalesCrm.Core.Insights;

/// <summary>Queues a run of <see cref="InsightGenerator"/> for a workspace in the background (the host's job scheduler).</summary>
public interface IInsightScheduler
{
    Task RequestAsync(Guid tenantId, CancellationToken ct);
}
