using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Data;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Activities;

public static class ActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapActivitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization(Capabilities.LeadsRead);
        group.MapGet("/", List).WithSummary("?window=today|overdue|upcoming|all&mine=true&lead_id=&include_done=false&tz= (IANA zone for today; default the workspace's)");
        group.MapPost("/", Create).WithIdempotency();
        group.MapPatch("/{id:guid}", Update).WithSummary("Complete (done=true), reopen or reschedule (due_at)");
        return app;
    }

    private static async Task<IResult> List(ActivityService service, ICurrentUser user, WorkspaceClock clock, CancellationToken ct,
        string? window = "all", bool mine = false, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "lead_id")] Guid? leadId = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "assignee_id")] Guid? assigneeId = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "include_done")] bool includeDone = false, int limit = 50, int offset = 0, string? tz = null)
    {
        if (!SnakeEnum.TryParse<ActivityWindow>(window, out var w)) throw new ValidationException("window", "must be all, today, overdue or upcoming.");
        var zone = string.IsNullOrWhiteSpace(tz) ? clock.Zone : WorkspaceTimeZones.Find(tz) ?? throw new ValidationException("tz", $"'{tz}' is not a time zone.");
        var assignee = mine ? user.UserId : assigneeId;
        return TypedResults.Ok(await service.ListAsync(w, assignee, leadId, includeDone, new PageRequest(limit, offset), zone, ct));
    }

    private static async Task<IResult> Create(ActivityInput body, HttpContext http, ActivityService service, CancellationToken ct)
    {
        var created = await service.CreateAsync(body, ct: ct);
        return http.Request.WantsMinimal() ? TypedResults.NoContent() : TypedResults.Created($"/api/v1/activities/{created.Id}", created);
    }

    private static async Task<IResult> Update(Guid id, ActivityPatch body, HttpContext http, ActivityService service, CancellationToken ct)
    {
        var updated = await service.UpdateAsync(id, body, ct);
        return http.Request.WantsMinimal() ? TypedResults.NoContent() : TypedResults.Ok(updated);
    }
}

