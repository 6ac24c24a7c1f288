using System.Text.Json;

namespace SalesCrm.Core.Workflows;

/// <summary>One step of a graph: its id (unique in the graph), its catalog <see cref="Type"/>, the settings its schema describes, and where the designer draws it.</summary>
public sealed record WorkflowNode(string? Id, string? Type, JsonElement? Settings, NodePosition? Position);
