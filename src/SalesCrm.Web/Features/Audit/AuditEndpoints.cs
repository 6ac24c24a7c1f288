using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit-logs", List).WithTags("Audit").RequireAuthorization(Capabilities.SettingsManage);
        return app;
    }

    private static async Task<Ok<Paged<AuditLogDto>>> List(AuditQuery audit, CancellationToken ct,
        string? entity = null, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "entity_id")] Guid? entityId = null, string? action = null, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "actor_id")] Guid? actorId = null,
        DateTime? from = null, DateTime? to = null, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await audit.ListAsync(new AuditFilter(entity, entityId, action, actorId, from, to), new PageRequest(limit, offset), ct));
}
