using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// Runs one node executor as the engine would: resolved from the app's DI in a scope acting as the workflow inside the
/// tenant, with a context built here (the lead in the scope, the step's idempotency key) and, to resume, a fake <see cref="WorkflowResume"/>.
/// </summary>
public sealed record BotNodeRunner(CrmAppFactory App, Guid TenantId, Guid LeadId)
{
    public Guid RunId { get; init; } = Guid.NewGuid();

    public async Task<WorkflowNodeOutcome> RunAsync(string type, object settings, WorkflowResume? resume = null, string nodeId = "node_1", string? key = null)
    {
        await using var scope = App.Services.GetRequiredService<IActorScopeFactory>().Create(FixedCurrentUser.Internal(TenantId, ActorType.Workflow, "Qualificação WhatsApp"));
        var services = scope.ServiceProvider;
        var executor = services.GetServices<IWorkflowNodeExecutor>().Single(e => e.NodeType == type);
        var lead = await services.GetRequiredService<LeadQuery>().GetAsync(LeadId);
        var element = JsonSerializer.SerializeToElement(settings);
        var context = new WorkflowNodeContext(TenantId, RunId, Guid.NewGuid(), 1, LeadId, new WorkflowNode(nodeId, type, element, null), element,
            new WorkflowScope().WithLead(lead).WithRun(RunId, null), key ?? $"{RunId:N}:{nodeId}", 1, Guid.NewGuid(), 0, resume);
        return await executor.ExecuteAsync(context, CancellationToken.None);
    }

    /// <summary>The lead's reply as the engine hands it over: the <c>whatsapp.received</c> payload and the state the node saved.</summary>
    public static WorkflowResume Reply(string text, WorkflowNodeOutcome waited) =>
        new(false, "whatsapp.received", Guid.NewGuid(), new JsonObject { ["text"] = text, ["type"] = "text" }, waited.Wait!.State?.DeepClone());

    public static WorkflowResume TimedOut(WorkflowNodeOutcome waited) => new(true, null, null, null, waited.Wait!.State?.DeepClone());
}
