using System.Text.Json.Nodes;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>Body of <c>POST /api/v1/workflows/{id}/run</c>: the lead the run is about, if any, and its input (<c>{{run.input.x}}</c>).</summary>
public sealed record RunWorkflowRequest(Guid? LeadId, JsonNode? Input);
