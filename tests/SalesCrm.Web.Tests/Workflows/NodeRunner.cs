using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// Runs one node executor as the engine would, outside any engine: resolved from the app's DI in a scope acting for the
/// member's workspace, with a context built here, then the scoped context saved (the engine's step commit).
/// </summary>
public sealed class NodeRunner(Session member)
{
    public Guid RunId { get; } = Guid.CreateVersion7();
    public Guid CorrelationId { get; } = Guid.CreateVersion7();
    public Guid? LeadId { get; private set; }
    private JsonObject? _lead;

    /// <summary>The run is about this lead; its API shape becomes <c>lead</c> in the scope.</summary>
    public async Task<NodeRunner> ForLeadAsync(string leadId)
    {
        LeadId = Guid.Parse(leadId);
        _lead = (await member.GetJsonAsync($"/api/v1/leads/{leadId}")).AsObject();
        return this;
    }

    public Task<WorkflowNodeOutcome> RunAsync(string type, object settings, string nodeId = "n1", int depth = 0, JsonNode? input = null) =>
        member.AsMemberAsync(async sp =>
        {
            var executor = sp.GetServices<IWorkflowNodeExecutor>().First(e => e.NodeType == type);
            var element = JsonSerializer.SerializeToElement(settings);
            var scope = new WorkflowScope().WithRun(RunId, input);
            if (_lead is not null) scope.WithLead((JsonObject)_lead.DeepClone());
            var context = new WorkflowNodeContext(member.TenantId, RunId, Guid.CreateVersion7(), 1, LeadId, new WorkflowNode(nodeId, type, element, null), element, scope,
                $"{RunId:N}:{nodeId}", 1, CorrelationId, depth, null);
            var outcome = await executor.ExecuteAsync(context, CancellationToken.None);
            await sp.GetRequiredService<CrmDbContext>().SaveChangesAsync();
            return outcome;
        });
}
