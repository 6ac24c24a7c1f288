using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Executes ONE node of a claimed run and records it (ADR 051): the step row, the run's move along the chosen port's
/// edge (or its wait, retry, completion or failure) and the rows and events the executor added to the scoped context
/// are saved in one transaction, fenced by the claim (a run another instance has taken over saves nothing); the events
/// among them (<c>workflow.completed</c>, the executors' own) go to the event bus once committed, so open pages follow the run.
/// </summary>
public sealed class WorkflowStepRunner(IDbContextFactory<CrmDbContext> dbFactory, IActorScopeFactory actors, WorkflowGraphCache graphs,
    IOptions<WorkflowEngineOptions> options, TimeProvider time, ICrmEventBus bus)
{
    /// <summary>
    /// Runs <paramref name="runId"/> (claimed by <paramref name="me"/>) from its current node, step after step, until it
    /// waits, ends, fails, is taken over, waits for a retry or has run <paramref name="maxSteps"/> steps. The steps of one
    /// claim share one DI scope as the workflow actor and one context, emptied after each step's commit (every step
    /// reads the run and the lead afresh); the workspace settings and the completed steps' outputs are read once.
    /// </summary>
    public async Task RunAsync(Guid runId, string me, TimeSpan lease, int maxSteps, CancellationToken ct)
    {
        FixedCurrentUser? actor;
        await using (var system = await dbFactory.CreateDbContextAsync(ct))
            actor = await WorkflowActor.ForAsync(system, system.WorkflowRuns.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == runId && r.ClaimedBy == me)
                .Select(r => new WorkflowClaimHead { TenantId = r.TenantId, CorrelationId = r.CorrelationId, WorkflowId = r.WorkflowId }), ct);
        if (actor is null) return;
        await using var scope = actors.Create(actor);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var outputs = await WorkflowScopeBuilder.OutputsAsync(db, runId, ct);
        for (var i = 0; i < maxSteps; i++)
        {
            db.ChangeTracker.Clear();
            if (!await RunStepAsync(scope.ServiceProvider, db, runId, me, lease, outputs, ct)) return;
        }
    }

    /// <summary>Runs the current node of the run and saves it; true when the run can go on at once.</summary>
    private async Task<bool> RunStepAsync(IServiceProvider services, CrmDbContext db, Guid runId, string me, TimeSpan lease,
        List<KeyValuePair<string, string?>> outputs, CancellationToken ct)
    {
        var run = await db.WorkflowRuns.FirstOrDefaultAsync(r => r.Id == runId && r.ClaimedBy == me, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (run is null || !IsDue(run, now)) return false;
        var graph = await graphs.GetAsync(db, run.WorkflowId, run.Version, ct);
        var node = graph?.Nodes?.FirstOrDefault(n => n.Id == run.CurrentNode);
        if (graph is null || node is null)
        {
            if (run.CurrentNode is null || graph is null) Fail(db, run, null, graph is null ? "The run's published version is missing." : "The run has no current node.", now);
            else Complete(db, run, now);
            return await SaveAsync(db, run, me, lease, ct) && false;
        }

        // Every visit of this node so far, in one read: the open one (waiting, retrying, failed, running), the visit count, the key's completed step.
        var visits = await db.WorkflowRunSteps.Where(s => s.RunId == run.Id && s.NodeId == node.Id).ToListAsync(ct);
        var step = visits.Where(s => s.Status is WorkflowStepStatuses.Waiting or WorkflowStepStatuses.Retrying or WorkflowStepStatuses.Failed or WorkflowStepStatuses.Running)
            .OrderByDescending(s => s.StartedAt).FirstOrDefault();
        var resuming = run.Status == WorkflowRunStatuses.Waiting || (step?.Status == WorkflowStepStatuses.Retrying && run.WaitDescription is not null);
        if (step is null)
        {
            var key = visits.Count == 0 ? $"{run.Id:N}:{node.Id}" : $"{run.Id:N}:{node.Id}:{visits.Count + 1}";
            // A completed step with this key means its effects committed: follow its port instead of executing again.
            if (visits.FirstOrDefault(s => s.IdempotencyKey == key && s.Status == WorkflowStepStatuses.Completed) is { } done)
            {
                Follow(db, run, graph, node, done.Port, now);
                return await SaveAsync(db, run, me, lease, ct) && run.Status == WorkflowRunStatuses.Running;
            }
            step = new WorkflowRunStep { TenantId = run.TenantId, RunId = run.Id, NodeId = node.Id!, Type = node.Type!, IdempotencyKey = key, StartedAt = now };
            db.WorkflowRunSteps.Add(step);
        }
        else if (step.Status is WorkflowStepStatuses.Retrying or WorkflowStepStatuses.Failed)
        {
            step.Attempt++;
        }
        step.Status = WorkflowStepStatuses.Running;

        var builder = services.GetRequiredService<WorkflowScopeBuilder>();
        var expressions = await builder.BuildAsync(db, run, outputs, ct);
        var settings = node.Settings is { ValueKind: JsonValueKind.Object } s ? s : JsonDocument.Parse("{}").RootElement;
        step.Input = Truncate(TemplateRenderer.RenderValue(JsonNode.Parse(settings.GetRawText()), expressions)?.ToJsonString());
        var context = new WorkflowNodeContext(run.TenantId, run.Id, run.WorkflowId, run.Version, run.LeadId, node, settings, expressions, step.IdempotencyKey,
            step.Attempt, run.CorrelationId, run.Depth, resuming ? ResumeOf(run, now) : null);
        var watch = Stopwatch.StartNew();
        var outcome = await ExecuteAsync(services, node, context, ct);
        step.DurationMs += watch.ElapsedMilliseconds;
        step.Output = Truncate(outcome.Output?.ToJsonString());
        now = time.GetUtcNow().UtcDateTime;

        if (outcome.Wait is { } wait && (wait.Until is not null || wait.EventType is not null))
        {
            step.Status = WorkflowStepStatuses.Waiting;
            run.Status = WorkflowRunStatuses.Waiting;
            run.SubStatus = wait.EventType is null ? "delay" : "waiting_event";
            run.WaitUntil = wait.Until;
            run.WaitEventType = wait.EventType;
            run.WaitLeadId = wait.LeadId;
            run.WaitDescription = Shorten(wait.Description, 500);
            run.WaitState = wait.State?.ToJsonString();
            run.ResumeDue = false;
            run.ResumePayload = null;
            run.NextAttemptAt = null;
        }
        else if (outcome.Error is not null || outcome.Wait is not null)
        {
            var error = outcome.Error ?? "The node waited for nothing (no time and no event).";
            step.Error = Shorten(error, 2000);
            var delays = options.Value.RetryDelaysSeconds;
            if (outcome.Retryable && step.Attempt <= delays.Length)
            {
                step.Status = WorkflowStepStatuses.Retrying;
                run.Status = WorkflowRunStatuses.Running;
                run.SubStatus = "retrying";
                run.NextAttemptAt = now.AddSeconds(delays[step.Attempt - 1]);
            }
            else
            {
                step.Status = WorkflowStepStatuses.Failed;
                Fail(db, run, step, error, now);
            }
        }
        else
        {
            step.Status = WorkflowStepStatuses.Completed;
            step.Error = null;
            step.Port = outcome.Ends ? null : outcome.Port ?? WorkflowNodeCatalog.Next;
            if (outcome.Ends) Complete(db, run, now);
            else Follow(db, run, graph, node, step.Port, now);
        }
        if (!await SaveAsync(db, run, me, lease, ct)) return false;
        if (step.Status == WorkflowStepStatuses.Completed) outputs.Add(new(step.NodeId, step.Output));
        return run.Status == WorkflowRunStatuses.Running && run.NextAttemptAt is null;
    }

    private static bool IsDue(WorkflowRun run, DateTime now) => run.Status switch
    {
        WorkflowRunStatuses.Running => run.NextAttemptAt is null || run.NextAttemptAt <= now,
        WorkflowRunStatuses.Waiting => run.ResumeDue || run.WaitUntil <= now,
        _ => false,
    };

    private static async Task<WorkflowNodeOutcome> ExecuteAsync(IServiceProvider services, WorkflowNode node, WorkflowNodeContext context, CancellationToken ct)
    {
        if (node.Type == WorkflowNodeCatalog.Trigger && !services.GetServices<IWorkflowNodeExecutor>().Any(e => e.NodeType == WorkflowNodeCatalog.Trigger))
            return WorkflowNodeOutcome.Next(WorkflowNodeCatalog.Next, context.Scope.Root["event"]?["payload"]?.DeepClone() ?? context.Scope.Root["run"]?["input"]?.DeepClone());
        var executor = services.GetServices<IWorkflowNodeExecutor>().LastOrDefault(e => e.NodeType == node.Type);
        if (executor is null) return WorkflowNodeOutcome.Fail($"The node type '{node.Type}' is not yet supported by this server.");
        try
        {
            return await executor.ExecuteAsync(context, ct);
        }
        catch (ValidationException e)
        {
            // Trying again would fail the same way.
            return WorkflowNodeOutcome.Fail($"{e.Code}: {string.Join("; ", e.Errors.Select(kv => $"{kv.Key} {string.Join(" ", kv.Value)}"))}");
        }
        catch (DomainException e)
        {
            // Not found, forbidden, conflict: trying again would fail the same way.
            return WorkflowNodeOutcome.Fail($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return WorkflowNodeOutcome.Fail($"{e.GetType().Name}: {e.Message}", retryable: true);
        }
    }

    /// <summary>Why a waiting run resumes: the bookmark's event, or its time passed.</summary>
    private static WorkflowResume ResumeOf(WorkflowRun run, DateTime now)
    {
        var state = run.WaitState is null ? null : JsonNode.Parse(run.WaitState);
        if (run.ResumePayload is not null && JsonNode.Parse(run.ResumePayload) is JsonObject matched)
        {
            var id = Guid.TryParse(matched["event_id"]?.GetValue<string>(), out var g) ? g : (Guid?)null;
            return new WorkflowResume(false, matched["type"]?.GetValue<string>(), id, matched["payload"]?.DeepClone(), state);
        }
        return new WorkflowResume(run.WaitUntil is { } until && until <= now, null, null, null, state);
    }

    /// <summary>Moves the run along the edge of <paramref name="port"/>; no edge there ends the run as completed.</summary>
    private static void Follow(CrmDbContext db, WorkflowRun run, WorkflowGraph graph, WorkflowNode node, string? port, DateTime now)
    {
        ClearWait(run);
        var target = graph.Edges?.FirstOrDefault(e => e.Source == node.Id && (e.SourcePort ?? WorkflowNodeCatalog.Next) == port)?.Target;
        if (target is null) { Complete(db, run, now); return; }
        run.CurrentNode = target;
        run.Status = WorkflowRunStatuses.Running;
        run.SubStatus = null;
    }

    private static void ClearWait(WorkflowRun run)
    {
        run.WaitUntil = null;
        run.WaitEventType = null;
        run.WaitLeadId = null;
        run.WaitDescription = null;
        run.WaitState = null;
        run.ResumeDue = false;
        run.ResumePayload = null;
        run.NextAttemptAt = null;
    }

    internal static void Complete(CrmDbContext db, WorkflowRun run, DateTime now)
    {
        ClearWait(run);
        run.Status = WorkflowRunStatuses.Completed;
        run.SubStatus = null;
        run.FinishedAt = now;
        WorkflowRunEvents.Record(db, WorkflowRunEvents.Completed, run, now);
    }

    /// <summary>Fails the run with an incident (the failed step stays current, so a retry starts from it).</summary>
    internal static void Fail(CrmDbContext db, WorkflowRun run, WorkflowRunStep? step, string error, DateTime now)
    {
        run.NextAttemptAt = null;
        run.Status = WorkflowRunStatuses.Failed;
        run.SubStatus = "incident";
        run.Error = Shorten(error, 2000);
        run.IncidentCount++;
        run.FinishedAt = now;
        WorkflowRunEvents.Record(db, WorkflowRunEvents.Failed, run, now);
    }

    /// <summary>
    /// Saves in one transaction after renewing the claim: when another instance has taken the run over (the lease lapsed)
    /// nothing is saved. A step another engine already wrote (unique run + key) rolls everything back too.
    /// </summary>
    private async Task<bool> SaveAsync(CrmDbContext db, WorkflowRun run, string me, TimeSpan lease, CancellationToken ct)
    {
        var until = Claims.WorkClaims.LeaseEnd(time.GetUtcNow().UtcDateTime, lease);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var held = await db.WorkflowRuns.Where(r => r.Id == run.Id && r.ClaimedBy == me).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, until), ct);
            if (held == 0) return false;
            var events = db.AddedEvents();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            bus.Publish(events);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static string? Truncate(string? json) => json is { Length: > 100_000 } ? JsonSerializer.Serialize(new { truncated = true, length = json.Length }) : json;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
