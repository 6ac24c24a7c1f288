using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Runs workflows (ADR 051): as soon as a queue item or a resumed run commits, and every second for due delays, time-outs and retries.</summary>
public sealed class WorkflowWorker(IServiceScopeFactory scopes, WorkflowSignal signal, Microsoft.Extensions.Options.IOptions<WorkflowEngineOptions> options, ILogger<WorkflowWorker> logger)
    : BatchWorker(scopes, logger, signal)
{
    protected override int BatchSize => Math.Max(1, options.Value.BatchSize);

    protected override Task<int> RunBatchAsync(IServiceProvider services, int max, CancellationToken ct) =>
        services.GetRequiredService<WorkflowEngine>().RunBatchAsync(max, ct);
}
