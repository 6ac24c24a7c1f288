using System.Security.Claims;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// After authentication: publishes the principal to <see cref="CurrentUser"/> and honours an optional
/// <c>X-Tenant-Id</c> header, which must name a tenant the caller belongs to (else 403 TENANT_ACCESS_DENIED).
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public const string TenantHeader = "X-Tenant-Id";

    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, CapabilityResolver resolver)
    {
        currentUser.CorrelationId = context.TraceIdentifier;
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true && context.Request.Headers.TryGetValue(TenantHeader, out var header))
        {
            if (!Guid.TryParse(header.ToString(), out var wanted) || !await CanUseTenantAsync(principal, wanted, resolver, context.RequestAborted))
            {
                throw new ForbiddenException("The X-Tenant-Id header names a tenant you do not belong to.", ErrorCodes.TenantAccessDenied);
            }
            principal = WithTenant(principal, wanted);
            context.User = principal;
        }
        currentUser.Set(principal);
        await next(context);
    }

    private static async Task<bool> CanUseTenantAsync(ClaimsPrincipal principal, Guid tenantId, CapabilityResolver resolver, CancellationToken ct)
    {
        if (CurrentUser.ReadGuid(principal, CrmClaims.ApiKeyId) is not null)
            return CurrentUser.ReadGuid(principal, CrmClaims.TenantId) == tenantId;
        var userId = CurrentUser.ReadGuid(principal, CrmClaims.Subject, ClaimTypes.NameIdentifier);
        return userId is not null && await resolver.IsMemberAsync(userId.Value, tenantId, ct);
    }

    internal static ClaimsPrincipal WithTenant(ClaimsPrincipal principal, Guid tenantId)
    {
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != CrmClaims.TenantId),
            principal.Identity!.AuthenticationType, CrmClaims.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(CrmClaims.TenantId, tenantId.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
