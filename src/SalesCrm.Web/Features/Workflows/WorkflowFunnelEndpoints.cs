using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Web.Features.Workflows;

/// <summary><c>GET /api/v1/workflows/{id}/funnel</c>: per bot question, how many runs reached, answered and dropped it.</summary>
public static class WorkflowFunnelEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowFunnelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workflows/{id:guid}/funnel", async (Guid id, BotFunnelService service, CancellationToken ct) =>
                TypedResults.Ok(new WorkflowFunnelResponse(await service.FunnelAsync(id, ct))))
            .WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage)
            .WithSummary("Per ask_whatsapp question: reached, answered, dropped, waiting, drop_off_rate, outcomes.");
        return app;
    }
}
