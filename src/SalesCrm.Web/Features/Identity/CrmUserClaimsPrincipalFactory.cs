using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>Cookie sign-ins carry the same <c>sub</c>/<c>name</c>/<c>tenant_id</c> claims as access tokens.</summary>
public sealed class CrmUserClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, TenantService tenants)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(CrmClaims.Name, string.IsNullOrWhiteSpace(user.Name) ? user.Email ?? "" : user.Name));
        var memberships = await tenants.ListForUserAsync(user.Id);
        var tenant = memberships.FirstOrDefault(m => m.TenantId == user.LastTenantId) ?? memberships.FirstOrDefault();
        if (tenant is not null) identity.AddClaim(new Claim(CrmClaims.TenantId, tenant.TenantId.ToString()));
        return identity;
    }
}
