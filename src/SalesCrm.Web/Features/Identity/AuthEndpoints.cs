using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public sealed record RegisterRequest(string? Email, string? Password, string? Name, string? TenantName);
public sealed record TokenRequest(string? Email, string? Password, Guid? TenantId);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record SwitchTenantRequest(Guid? TenantId);

/// <summary>Token endpoints for API clients: register, password grant, refresh rotation, logout, tenant switch, me.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/register", Register).AllowAnonymous();
        auth.MapPost("/token", Token).AllowAnonymous().Accepts<TokenRequest>("application/json", "application/x-www-form-urlencoded");
        auth.MapPost("/refresh", Refresh).AllowAnonymous();
        auth.MapPost("/logout", Logout).AllowAnonymous();
        auth.MapPost("/switch-tenant", SwitchTenant).RequireAuthorization();
        app.MapGet("/api/v1/me", Me).WithTags("Auth").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<TokenSession>, ProblemHttpResult>> Register(RegisterRequest body, AuthService auth, IConfiguration config, CancellationToken ct)
    {
        if (!config.GetValue("Auth:AllowSelfRegistration", true))
            throw new ForbiddenException("Self-registration is disabled on this installation.");
        var session = await auth.RegisterAsync(body.Email ?? "", body.Password ?? "", body.Name ?? "", body.TenantName ?? "", ct);
        return TypedResults.Created("/api/v1/me", session);
    }

    /// <summary>JSON <c>{email, password}</c> or the OAuth form (<c>grant_type=password|refresh_token</c>).</summary>
    private static async Task<Ok<TokenSession>> Token(HttpRequest request, AuthService auth, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var grant = form["grant_type"].ToString();
            return grant switch
            {
                "password" => TypedResults.Ok(await auth.LoginAsync(form["username"].ToString(), form["password"].ToString(), null, ct)),
                "refresh_token" => TypedResults.Ok(await auth.RefreshAsync(form["refresh_token"].ToString(), ct)),
                _ => throw new ValidationException("grant_type", "must be 'password' or 'refresh_token'."),
            };
        }
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("Send JSON or an OAuth form (application/x-www-form-urlencoded).", StatusCodes.Status415UnsupportedMediaType);
        var body = await request.ReadFromJsonAsync<TokenRequest>(ct) ?? throw new ValidationException("body", "is required.");
        return TypedResults.Ok(await auth.LoginAsync(body.Email ?? "", body.Password ?? "", body.TenantId, ct));
    }

    private static async Task<Ok<TokenSession>> Refresh(RefreshRequest body, AuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.RefreshAsync(body.RefreshToken ?? "", ct));

    private static async Task<NoContent> Logout(RefreshRequest body, AuthService auth, CancellationToken ct)
    {
        await auth.LogoutAsync(body.RefreshToken ?? "", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TokenSession>> SwitchTenant(SwitchTenantRequest body, AuthService auth, ICurrentUser user, CancellationToken ct)
    {
        if (body.TenantId is null || body.TenantId == Guid.Empty) throw new ValidationException("tenant_id", "is required.");
        var userId = user.UserId ?? throw new ForbiddenException("Only users can switch tenants; API keys belong to one tenant.");
        return TypedResults.Ok(await auth.SwitchTenantAsync(userId, body.TenantId.Value, ct));
    }

    private static async Task<Ok<MeDto>> Me(AuthService auth, ICurrentUser user, CancellationToken ct)
    {
        if (user.UserId is null) throw new ForbiddenException("This endpoint describes a user; API keys have no profile.");
        return TypedResults.Ok(await auth.MeAsync(user, ct));
    }
}
