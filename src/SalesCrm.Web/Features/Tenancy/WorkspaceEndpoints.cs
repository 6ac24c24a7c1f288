using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Tenancy;

public static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenant").WithTags("Workspace").RequireAuthorization();
        group.MapGet("/", async (TenantService tenants, AccessService access, CancellationToken ct) => TypedResults.Ok(await tenants.GetWorkspaceAsync(access, ct)));
        group.MapPatch("/", async (WorkspacePatch body, TenantService tenants, AccessService access, CancellationToken ct) =>
            TypedResults.Ok(await tenants.UpdateWorkspaceAsync(access, body, ct)));
        return app;
    }
}
