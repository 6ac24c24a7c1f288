using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// What one dry run shares across the workflows it walks: the step budget (<c>maxSteps</c> nodes in all, nested walks
/// included), the workflows already walked on its chain (the loop guard's memory), the describer and the warnings.
/// A <c>call_workflow</c> node is decided here as the engine would: <see cref="CallWorkflowExecutor"/> fails the step when
/// the workflow is not in the workspace, is switched off or has no published version (<see cref="WorkflowRunStarter"/>);
/// otherwise <see cref="WorkflowQueueProcessor"/> starts a run of the published version one level deeper on the same
/// correlation, which its loop guard fails at once when it is deeper than <c>maxDepth</c> and the chain already ran that
/// workflow for the lead. Only reads.
/// </summary>
internal sealed class DryRunChain(CrmDbContext db, WorkflowScopeBuilder scopes, DryRunDescriber describer, IDryRunPhrases phrases, List<string> warnings,
    int maxSteps, int maxDepth)
{
    private readonly HashSet<Guid> _walked = [];
    private int _steps;

    public DryRunDescriber Describer => describer;
    public IDryRunPhrases Phrases => phrases;
    public List<string> Warnings => warnings;

    /// <summary>Walks <paramref name="graph"/> as <paramref name="run"/> from <paramref name="start"/> (null: the first trigger); <paramref name="label"/> prefixes node ids in warnings.</summary>
    public async Task<DryRunWalk> WalkAsync(WorkflowGraph graph, WorkflowRun run, WorkflowScope scope, string? start, string label, CancellationToken ct)
    {
        _walked.Add(run.WorkflowId);
        var walk = new DryRunWalk(this, graph, run, scope, label);
        await walk.RunAsync(start, ct);
        return walk;
    }

    private bool? _windowOpen, _reachable;
    private readonly HashSet<string> _windowWarned = [];

    /// <summary>Whether a step sends free-form text (a question, or a message with text and no template): what WhatsApp refuses outside the 24-hour window.</summary>
    public static bool SendsFreeText(string? type, string? text, string? templateId) => type == WorkflowNodeCatalog.AskWhatsApp
        || type == WorkflowNodeCatalog.SendWhatsApp && !string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(templateId);

    /// <summary>
    /// A warning when a WhatsApp step's lead has no phone (the send would be refused), else
    /// WhatsApp's 24-hour customer service window (Meta's WhatsApp Business rule: free-form text only within 24 h of the
    /// customer's last message, otherwise an approved template): a warning when <paramref name="node"/> would send free text
    /// (<c>ask_whatsapp</c>, or <c>send_whatsapp</c> with a text and no template) while the lead's window is closed, since
    /// the real run would fail there. The window opens for the rest of the walk once an <c>inbound_message</c> trigger
    /// starts it or an <c>ask_whatsapp</c> step takes a port that means the lead replied.
    /// </summary>
    public async Task CheckWhatsAppWindowAsync(WorkflowRun run, WorkflowNode node, JsonObject settings, string? port, string label, DateTime nowUtc, CancellationToken ct)
    {
        if (run.LeadId is not { } leadId) return;
        if (node.Type == WorkflowNodeCatalog.Trigger && settings["kind"]?.ToString() == TriggerKinds.InboundMessage)
        {
            _windowOpen = true;
            return;
        }
        if (node.Type is WorkflowNodeCatalog.AskWhatsApp or WorkflowNodeCatalog.SendWhatsApp)
        {
            // The inbox refuses a WhatsApp message to a lead with neither a phone nor a WhatsApp id: the run would fail at the first one.
            _reachable ??= await db.Leads.AsNoTracking().AnyAsync(l => l.Id == leadId && (l.Phone != null || l.WhatsappId != null), ct);
            if (_reachable == false && _windowWarned.Add("phone")) warnings.Add(phrases.Format("NoPhone", label + node.Id));
            if (_reachable == false) return;
        }
        if (SendsFreeText(node.Type, settings["text"]?.ToString(), settings["template_id"]?.ToString()))
        {
            _windowOpen ??= OutboundMessageService.IsOpen(await OutboundMessageService.LastInboundAsync(db, leadId, ct), nowUtc);
            if (_windowOpen == false && _windowWarned.Add(label + node.Id)) warnings.Add(phrases.Format("WindowClosed", label + node.Id));
        }
        if (node.Type == WorkflowNodeCatalog.AskWhatsApp && port is "answered" or "invalid") _windowOpen = true;
    }

    /// <summary>Counts one node against the budget: false once it is spent (the first time, with a warning).</summary>
    public bool TakeStep()
    {
        if (++_steps <= maxSteps) return true;
        if (_steps == maxSteps + 1) warnings.Add(phrases.Format("StepLimit", maxSteps));
        return false;
    }

    /// <summary>The run a <c>call_workflow</c> node of <paramref name="caller"/> would start, with its rendered <paramref name="settings"/>, walked or refused like the engine.</summary>
    public async Task<DryRunCallDto> CallAsync(WorkflowRun caller, JsonObject settings, string label, CancellationToken ct)
    {
        if (!Guid.TryParse(settings["workflow_id"]?.ToString(), out var workflowId))
            return Refused(null, null, DryRunCallDto.NotFound, phrases.Format("CallNotFound", settings["workflow_id"]?.ToString()));
        var called = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId).Select(w => new { w.Name, w.IsActive, w.Version }).FirstOrDefaultAsync(ct);
        if (called is null) return Refused(workflowId, null, DryRunCallDto.NotFound, phrases.Format("CallNotFound", workflowId));
        var json = called.Version == 0 ? null
            : await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId && v.Version == called.Version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        if (!called.IsActive || json is null)
            return Refused(workflowId, called.Name, DryRunCallDto.NotActive, phrases.Format("CallNotActive", called.Name), json is null ? null : called.Version);

        var depth = caller.Depth + 1;
        if (depth > maxDepth && _walked.Contains(workflowId))
            return Refused(workflowId, called.Name, DryRunCallDto.LoopGuard, phrases.Format("CallLoopGuard", called.Name, maxDepth), called.Version);

        var graph = WorkflowJson.Deserialize(json);
        var run = new WorkflowRun
        {
            TenantId = caller.TenantId, WorkflowId = workflowId, Version = called.Version, LeadId = caller.LeadId, CorrelationId = caller.CorrelationId, Depth = depth,
            Input = settings["input"]?.ToJsonString(), TriggerKind = CallWorkflowExecutor.TriggerKind, StartedAt = caller.StartedAt,
        };
        var scope = await scopes.BuildAsync(db, run, ct);
        var walk = await WalkAsync(graph, run, scope, WorkflowQueueProcessor.StartNode(graph, CallWorkflowExecutor.TriggerKind, null), label, ct);
        return new DryRunCallDto(workflowId, called.Name, called.Version, DryRunCallDto.Walked, null, walk.Path, walk.Actions, walk.StoppedAt);
    }

    private static DryRunCallDto Refused(Guid? workflowId, string? name, string outcome, string message, int? version = null) =>
        new(workflowId, name, version, outcome, message, [], [], null);
}
