using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>How a dry run reads one node: the port it leaves through (null: the path ends), a note, the action sentence (null for logic nodes) and the output later nodes may read.</summary>
public sealed record DryRunNodeResult(string? Port, string? Note = null, string? Summary = null, JsonNode? Output = null);
