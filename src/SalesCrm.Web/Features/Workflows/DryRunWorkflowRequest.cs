using System.Text.Json.Nodes;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Body of <c>POST /api/v1/workflows/{id}/dry-run</c>: the lead to try the workflow on, an optional run input
/// (<c>{{run.input.x}}</c>), <c>draft</c> (false: the published version; true: the current draft) and
/// <c>answers</c> (node id → the port or reply to assume at a node that waits).
/// </summary>
public sealed record DryRunWorkflowRequest(Guid? LeadId, JsonNode? Input, bool? Draft, Dictionary<string, string>? Answers);
