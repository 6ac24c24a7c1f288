using System.Text.Json;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// A node type of the catalog (<c>GET /api/v1/workflow-node-types</c>): its palette group, its output ports (those in
/// <see cref="RequiredPorts"/> must be linked), and the JSON Schema of its settings, the one the API validates with.
/// A type with <see cref="CasePorts"/> also has one port per <c>settings.cases[].port</c> (switch).
/// </summary>
public sealed record WorkflowNodeType(string Type, string Kind, string Description, IReadOnlyList<string> Ports, IReadOnlyList<string> RequiredPorts,
    bool CasePorts, bool Waits, JsonElement Schema);
