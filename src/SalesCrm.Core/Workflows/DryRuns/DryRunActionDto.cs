using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>What a node would do, as a sentence in the reader's language, with its settings rendered against the lead and input.</summary>
public sealed record DryRunActionDto(string NodeId, string Type, string Summary, JsonNode? Settings);
