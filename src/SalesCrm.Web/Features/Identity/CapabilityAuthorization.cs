using Microsoft.AspNetCore.Authorization;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;
using System.Security.Claims;

namespace SalesCrm.Web.Features.Identity;

/// <summary>A policy per capability (policy name = capability), checked against the database like the services do.</summary>
public sealed record CapabilityRequirement(string Capability) : IAuthorizationRequirement;

public sealed class CapabilityAuthorizationHandler(CapabilityResolver resolver) : AuthorizationHandler<CapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return;
        var apiKey = CurrentUser.ReadGuid(user, CrmClaims.ApiKeyId);
        var userId = apiKey is null ? CurrentUser.ReadGuid(user, CrmClaims.Subject, ClaimTypes.NameIdentifier) : null;
        var caps = await resolver.ResolveAsync(userId, CurrentUser.ReadGuid(user, CrmClaims.TenantId), apiKey);
        if (caps.Contains(requirement.Capability)) context.Succeed(requirement);
    }
}
