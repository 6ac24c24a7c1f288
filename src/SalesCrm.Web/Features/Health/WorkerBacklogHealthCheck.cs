using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Health;

/// <summary>
/// What the background workers have not done yet, across all tenants and instances (the tables are shared): events
/// not yet dispatched (outbox), outbound webhook deliveries still pending (retries included), inbound items not yet
/// processed, workflow queue items not yet started and workflow runs due now (running without a pending retry, or
/// waiting with their time passed or their bookmark matched; the age counts from when they became due). Reported, never failed on: a backlog is a reason to look, not to take an instance out of the balancer.
/// </summary>
internal sealed class WorkerBacklogHealthCheck(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var outbox = await db.Events.IgnoreQueryFilters().Where(e => e.DispatchedAt == null)
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(e => e.OccurredAt) }).FirstOrDefaultAsync(ct);
            var deliveries = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == DeliveryStatus.Pending)
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(d => d.CreatedAt) }).FirstOrDefaultAsync(ct);
            var inbox = await db.Inbox.Where(i => i.Status == InboxStatus.Pending)
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(i => i.ReceivedAt) }).FirstOrDefaultAsync(ct);
            var queue = await db.WorkflowQueue.IgnoreQueryFilters().Where(q => q.Status == WorkflowQueueStatuses.Pending)
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(q => q.CreatedAt) }).FirstOrDefaultAsync(ct);
            var runs = await db.WorkflowRuns.IgnoreQueryFilters()
                .Where(r => (r.Status == WorkflowRunStatuses.Running && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
                    || (r.Status == WorkflowRunStatuses.Waiting && (r.ResumeDue || r.WaitUntil <= now)))
                .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Oldest = g.Min(r => r.WaitUntil ?? r.NextAttemptAt ?? r.StartedAt) }).FirstOrDefaultAsync(ct);
            return HealthCheckResult.Healthy("Rows the workers have not handled yet.", new Dictionary<string, object>
            {
                ["outbox"] = Figure(outbox?.Count, outbox?.Oldest, now),
                ["webhook_deliveries"] = Figure(deliveries?.Count, deliveries?.Oldest, now),
                ["inbox"] = Figure(inbox?.Count, inbox?.Oldest, now),
                ["workflow_queue"] = Figure(queue?.Count, queue?.Oldest, now),
                ["workflow_runs"] = Figure(runs?.Count, runs?.Oldest, now),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Backlog query failed.", e);
        }
    }

    private static BacklogFigure Figure(int? count, DateTime? oldest, DateTime now) =>
        count is > 0 && oldest is { } at ? new(count.Value, Math.Max(0, Math.Round((now - at).TotalSeconds, 1))) : new(0, null);
}
