using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public sealed record CapabilityDto(string Name, string Module, string Action);
public sealed record CreateRoleRequest(string? Name, List<string>? Capabilities, VisibilityScope? Visibility);
public sealed record UpdateRoleRequest(string? Name, List<string>? Capabilities, VisibilityScope? Visibility);
public sealed record SetCapabilitiesRequest(List<string>? Capabilities);

public static class RolesEndpoints
{
    public static IEndpointRouteBuilder MapRolesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/capabilities", ListCapabilities).WithTags("Roles").RequireAuthorization();

        var roles = app.MapGroup("/api/v1/roles").WithTags("Roles").RequireAuthorization(Capabilities.UsersManage);
        roles.MapGet("/", List);
        roles.MapGet("/{id:guid}", Get);
        roles.MapPost("/", Create);
        roles.MapPatch("/{id:guid}", Update);
        roles.MapPut("/{id:guid}/capabilities", SetCapabilities);
        roles.MapDelete("/{id:guid}", Delete);
        return app;
    }

    private static Ok<Paged<CapabilityDto>> ListCapabilities()
    {
        var items = Capabilities.All.Select(c => new CapabilityDto(c, Capabilities.Module(c), c[(c.IndexOf('.') + 1)..])).ToList();
        return TypedResults.Ok(Paged.All(items));
    }

    private static async Task<Ok<Paged<RoleDto>>> List(RoleService roles, CancellationToken ct)
    {
        var items = await roles.ListAsync(ct);
        return TypedResults.Ok(Paged.All(items));
    }

    private static async Task<Ok<RoleDto>> Get(Guid id, RoleService roles, CancellationToken ct) => TypedResults.Ok(await roles.GetAsync(id, ct));

    private static async Task<Created<RoleDto>> Create(CreateRoleRequest body, RoleService roles, CancellationToken ct)
    {
        var role = await roles.CreateAsync(body.Name, body.Capabilities, body.Visibility, ct);
        return TypedResults.Created($"/api/v1/roles/{role.Id}", role);
    }

    private static async Task<Ok<RoleDto>> Update(Guid id, UpdateRoleRequest body, RoleService roles, CancellationToken ct) =>
        TypedResults.Ok(await roles.UpdateAsync(id, body.Name, body.Capabilities, body.Visibility, ct));

    private static async Task<Ok<RoleDto>> SetCapabilities(Guid id, SetCapabilitiesRequest body, RoleService roles, CancellationToken ct) =>
        TypedResults.Ok(await roles.SetCapabilitiesAsync(id, body.Capabilities, ct));

    private static async Task<NoContent> Delete(Guid id, RoleService roles, CancellationToken ct)
    {
        await roles.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
