using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// Ends open Blazor circuits whose sign-in is no longer valid: every <see cref="SessionOptions.CheckInterval"/> the
/// circuit's user is read again and the session ends (the page shows the sign-in) when the user is gone or their
/// security stamp changed — a new password (including <c>demo reset-passwords</c>, run in another process), a removed
/// password. The cookie itself is checked on the same interval by Identity's security-stamp validator, so a reload
/// after that is signed out too. The pattern of ASP.NET Core's Blazor Identity template.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, SessionOptions options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <summary>At least a second: the check runs in a loop for as long as a circuit (or a prerendering request) lives.</summary>
    protected override TimeSpan RevalidationInterval => options.CheckInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.CheckInterval;

    /// <summary>True while the principal's user exists and carries the security stamp the database holds.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);
}
