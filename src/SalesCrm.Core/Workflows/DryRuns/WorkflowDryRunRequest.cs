using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// What to try a workflow on: the lead, an optional run input, whether to walk the draft (<c>true</c>) or the published
/// version (<c>false</c>), and for nodes that wait (delay, wait for event, ask on WhatsApp, AI reply, HTTP) the port or the
/// reply to assume instead of the main outcome.
/// </summary>
public sealed record WorkflowDryRunRequest(Guid LeadId, JsonObject? Input = null, bool Draft = false, IReadOnlyDictionary<string, string>? Answers = null);
