using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The funnel of a workflow's bot questions, in graph order.</summary>
public sealed record WorkflowFunnelResponse(IReadOnlyList<BotFunnelStep> Steps);
