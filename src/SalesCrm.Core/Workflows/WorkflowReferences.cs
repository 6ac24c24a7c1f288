using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// Settings that name a record of the workspace (a stage, a member, a template, another workflow) must name one that
/// exists there: an imported graph carries the ids of the workspace it came from. Read through the tenant filter.
/// </summary>
internal static class WorkflowReferences
{
    private const string Stage = "stage", Member = "member", Template = "template", OtherWorkflow = "workflow";

    private static readonly (string Type, string Setting, string Kind)[] Settings =
    [
        ("move_stage", "stage_id", Stage), ("assign", "user_id", Member), (WorkflowNodeCatalog.Handoff, "user_id", Member),
        ("create_activity", "user_id", Member), (WorkflowNodeCatalog.SendWhatsApp, "template_id", Template), ("call_workflow", "workflow_id", OtherWorkflow),
    ];

    /// <summary>The workflows <paramref name="graph"/>'s <c>call_workflow</c> steps name (ids that parse; existing or not).</summary>
    public static IEnumerable<Guid> CalledWorkflows(WorkflowGraph graph) => Named(graph).Where(r => r.Kind == OtherWorkflow).Select(r => r.Id);

    /// <summary>Every record id a node's settings name, with the node, the setting and the kind of record.</summary>
    private static IEnumerable<(string NodeId, string Setting, string Kind, Guid Id)> Named(WorkflowGraph graph)
    {
        foreach (var node in graph.Nodes ?? [])
        foreach (var (_, setting, kind) in Settings.Where(s => s.Type == node.Type))
            if (node.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty(setting, out var value)
                && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
                yield return (node.Id!, setting, kind, id);
    }

    public static async Task<IReadOnlyList<WorkflowProblem>> CheckAsync(CrmDbContext db, Guid workflowId, WorkflowGraph graph, CancellationToken ct) =>
        (await CheckManyAsync(db, [(workflowId, graph)], ct))[workflowId];

    /// <summary>
    /// The problems of each graph by workflow id (every id present, most with none), read with one query per kind of
    /// record whatever the number of graphs, so a list of workflows costs the same few commands as one.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<WorkflowProblem>>> CheckManyAsync(CrmDbContext db,
        IReadOnlyCollection<(Guid WorkflowId, WorkflowGraph Graph)> graphs, CancellationToken ct)
    {
        var wanted = graphs.SelectMany(g => Named(g.Graph).Select(r => (g.WorkflowId, r.NodeId, r.Setting, r.Kind, r.Id))).ToList();

        var found = new HashSet<(string Kind, Guid Id)>();
        async Task FindAsync(string kind, Func<List<Guid>, IQueryable<Guid>> query)
        {
            var ids = wanted.Where(w => w.Kind == kind).Select(w => w.Id).Distinct().ToList();
            if (ids.Count > 0) found.UnionWith((await query(ids).ToListAsync(ct)).Select(id => (kind, id)));
        }
        if (wanted.Count > 0)
        {
            await FindAsync(Stage, ids => db.Stages.Where(s => ids.Contains(s.Id)).Select(s => s.Id));
            await FindAsync(Member, ids => db.Memberships.Where(m => ids.Contains(m.UserId)).Select(m => m.UserId));
            await FindAsync(Template, ids => db.MessageTemplates.Where(t => ids.Contains(t.Id)).Select(t => t.Id));
            await FindAsync(OtherWorkflow, ids => db.Workflows.Where(w => ids.Contains(w.Id)).Select(w => w.Id));
        }

        var problems = graphs.Select(g => g.WorkflowId).Distinct().ToDictionary(id => id, _ => new List<WorkflowProblem>());
        foreach (var w in wanted.Where(w => !found.Contains((w.Kind, w.Id)) || (w.Kind == OtherWorkflow && w.Id == w.WorkflowId)))
            problems[w.WorkflowId].Add(new WorkflowProblem(w.NodeId, WorkflowProblemCodes.UnknownReference,
                w.Kind == OtherWorkflow && w.Id == w.WorkflowId
                    ? $"setting '{w.Setting}' names this workflow; a workflow cannot call itself."
                    : $"setting '{w.Setting}' names no {w.Kind} of this workspace ({w.Id})."));
        return problems.ToDictionary(p => p.Key, p => (IReadOnlyList<WorkflowProblem>)p.Value);
    }
}
