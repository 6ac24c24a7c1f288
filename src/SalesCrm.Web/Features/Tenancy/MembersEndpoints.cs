using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Tenancy;

public sealed record AddMemberRequest(string? Email, Guid? RoleId, string? Name, string? Password);
public sealed record UpdateMemberRequest(Guid? RoleId);

public static class MembersEndpoints
{
    public static IEndpointRouteBuilder MapMembersEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization(Capabilities.UsersManage);
        members.MapGet("/", List);
        members.MapGet("/{id:guid}", Get);
        members.MapPost("/", Add);
        members.MapPatch("/{id:guid}", Update);
        members.MapDelete("/{id:guid}", Remove);
        return app;
    }

    private static async Task<Ok<Paged<MemberDto>>> List(MemberService members, CancellationToken ct, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await members.ListAsync(new PageRequest(limit, offset), ct));

    private static async Task<Ok<MemberDto>> Get(Guid id, MemberService members, CancellationToken ct) => TypedResults.Ok(await members.GetAsync(id, ct));

    private static async Task<Created<MemberDto>> Add(AddMemberRequest body, MemberService members, CancellationToken ct)
    {
        var member = await members.AddAsync(body.Email, body.RoleId, body.Name, body.Password, ct);
        return TypedResults.Created($"/api/v1/members/{member.Id}", member);
    }

    private static async Task<Ok<MemberDto>> Update(Guid id, UpdateMemberRequest body, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.ChangeRoleAsync(id, body.RoleId, ct));

    private static async Task<NoContent> Remove(Guid id, MemberService members, CancellationToken ct)
    {
        await members.RemoveAsync(id, ct);
        return TypedResults.NoContent();
    }
}
