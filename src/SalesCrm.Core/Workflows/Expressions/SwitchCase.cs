using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>One case of a switch node: the output <paramref name="Port"/> taken when the field equals <paramref name="Value"/>.</summary>
public sealed record SwitchCase(string Port, JsonNode? Value);
