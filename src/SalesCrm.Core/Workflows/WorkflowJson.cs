using System.Text.Json;

namespace SalesCrm.Core.Workflows;

/// <summary>How graphs are stored and exported: the API's snake_case JSON.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(WorkflowGraph graph) => JsonSerializer.Serialize(graph, Options);

    public static WorkflowGraph Deserialize(string json) => JsonSerializer.Deserialize<WorkflowGraph>(json, Options) ?? WorkflowGraph.Empty();
}
