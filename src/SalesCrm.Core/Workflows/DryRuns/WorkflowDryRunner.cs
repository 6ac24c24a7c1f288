using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// Tries a workflow on a lead without side effects (<c>POST /api/v1/workflows/{id}/dry-run</c>, the designer's "Testar
/// com um lead"): builds the scope the engine would (<see cref="WorkflowScopeBuilder"/>) over an unsaved run, walks the
/// graph from its trigger deciding <c>condition</c>/<c>switch</c> nodes with the engine's own executors, and describes
/// every other node (<see cref="DryRunDescriber"/>) instead of executing it. A <c>call_workflow</c> node walks the called
/// workflow's published version as a nested path (<see cref="DryRunStepDto.Call"/>), under the engine's loop guard
/// (<see cref="WorkflowEngineOptions.MaxDepth"/>) and within the same step budget. It only reads: no run, step, queue item,
/// event, message, e-mail or HTTP call is made.
/// </summary>
public sealed class WorkflowDryRunner(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, WorkflowScopeBuilder scopes,
    TimeProvider time, IOptions<WorkflowEngineOptions> options, IDryRunPhrases? phrases = null)
{
    /// <summary>The loop guard: the walk stops after this many nodes, nested walks included (a loop through a wait would otherwise go on for ever).</summary>
    public const int MaxSteps = 100;

    private readonly IDryRunPhrases _phrases = phrases ?? new DryRunPhrases();

    /// <summary>
    /// Walks the published version (or the draft with <see cref="WorkflowDryRunRequest.Draft"/>) for the lead. 404 for a
    /// workflow or lead the caller cannot see; 409 WORKFLOW_NOT_ACTIVE when nothing is published and the draft was not
    /// asked for; 400 WORKFLOW_INVALID when the graph walked has problems.
    /// </summary>
    public async Task<WorkflowDryRunDto> RunAsync(Guid workflowId, WorkflowDryRunRequest request, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.WorkflowsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workflowId, ct) ?? throw new NotFoundException("Workflow", workflowId);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == request.LeadId, ct)) throw new NotFoundException("Lead", request.LeadId);

        var warnings = new List<string>();
        WorkflowGraph graph;
        int? version = null;
        if (request.Draft)
        {
            graph = WorkflowJson.Deserialize(workflow.Graph);
            var problems = (IReadOnlyList<WorkflowProblem>)[.. WorkflowGraphValidator.Validate(graph), .. await WorkflowReferences.CheckAsync(db, workflow.Id, graph, ct)];
            if (problems.Count > 0) throw new WorkflowInvalidException(problems);
        }
        else
        {
            var published = workflow.Version == 0 ? null
                : await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflow.Id && v.Version == workflow.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
            if (published is null)
                throw new ConflictException("The workflow has no published version; publish it or dry-run the draft (\"draft\": true).", ErrorCodes.WorkflowNotActive);
            graph = WorkflowJson.Deserialize(published);
            version = workflow.Version;
            if (!workflow.IsActive) warnings.Add(_phrases.Format("Paused"));
        }

        // An unsaved run: the scope builder reads the lead, the workspace and (none) step outputs through it.
        var run = new WorkflowRun
        {
            TenantId = tenantId, WorkflowId = workflow.Id, Version = version ?? 0, LeadId = request.LeadId, Input = request.Input?.ToJsonString(),
            TriggerKind = TriggerKinds.Manual, StartedAt = time.GetUtcNow().UtcDateTime,
        };
        var scope = await scopes.BuildAsync(db, run, ct);
        await DryRunTrigger.ApplyAsync(db, graph, run, request.Input, scope, warnings, _phrases, ct);
        var describer = new DryRunDescriber(db, _phrases, request.Answers ?? new Dictionary<string, string>());
        var chain = new DryRunChain(db, scopes, describer, _phrases, warnings, MaxSteps, options.Value.MaxDepth);
        var walk = await chain.WalkAsync(graph, run, scope, null, "", ct);
        await WarnOtherStartsAsync(db, graph, run, walk.Path, warnings, ct);
        return new WorkflowDryRunDto(version, walk.Path, walk.Actions, walk.StoppedAt, warnings);
    }

    /// <summary>
    /// The walk starts at the first trigger; when that is an inbound WhatsApp message (which opens WhatsApp's 24-hour
    /// window) but the graph can also start another way ("Iniciar pelo lead", an event), a lead whose window is closed would
    /// see that start fail at the path's first free-text WhatsApp step (Meta's rule: outside the window only an approved
    /// template). Says so, naming the other start and the step.
    /// </summary>
    private async Task WarnOtherStartsAsync(CrmDbContext db, WorkflowGraph graph, WorkflowRun run, IReadOnlyList<DryRunStepDto> path, List<string> warnings, CancellationToken ct)
    {
        if (run.LeadId is not { } leadId || path.Count == 0 || path[0].Type != WorkflowNodeCatalog.Trigger) return;
        var nodes = (graph.Nodes ?? []).Where(n => n.Id is not null).ToDictionary(n => n.Id!);
        static string? Setting(WorkflowNode node, string name) =>
            node.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!nodes.TryGetValue(path[0].NodeId, out var walked) || Setting(walked, "kind") != TriggerKinds.InboundMessage) return;
        var others = nodes.Values.Where(n => n.Type == WorkflowNodeCatalog.Trigger && n.Id != walked.Id && Setting(n, "kind") != TriggerKinds.InboundMessage).ToList();
        var freeText = path.Skip(1).Select(s => nodes.GetValueOrDefault(s.NodeId))
            .FirstOrDefault(n => n is not null && DryRunChain.SendsFreeText(n.Type, Setting(n, "text"), Setting(n, "template_id")));
        if (others.Count == 0 || freeText is null) return;
        if (Messaging.OutboundMessageService.IsOpen(await Messaging.OutboundMessageService.LastInboundAsync(db, leadId, ct), time.GetUtcNow().UtcDateTime)) return;
        foreach (var other in others)
            warnings.Add(_phrases.Format("OtherStartWindowClosed", Setting(other, "label") ?? other.Id, Setting(freeText, "label") ?? freeText.Id));
    }
}
