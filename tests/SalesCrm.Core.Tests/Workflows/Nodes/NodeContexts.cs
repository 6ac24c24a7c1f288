using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Tests.Workflows.Nodes;

/// <summary>Builds a <see cref="WorkflowNodeContext"/> for an executor under test.</summary>
internal static class NodeContexts
{
    public static WorkflowNodeContext For(string type, object settings, JsonObject? scope = null, WorkflowResume? resume = null, Guid? leadId = null, TimeProvider? time = null)
    {
        var json = JsonSerializer.SerializeToElement(settings, WorkflowJson.Options);
        var node = new WorkflowNode("n1", type, json, null);
        var root = scope ?? new JsonObject();
        return new WorkflowNodeContext(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, leadId ?? Guid.NewGuid(), node, json,
            new WorkflowScope(root, time: time), "key", 1, Guid.NewGuid(), 0, resume);
    }
}
