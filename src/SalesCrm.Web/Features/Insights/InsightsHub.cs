using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// <c>/hubs/insights</c>: pushes <c>InsightGenerated</c> (<c>insight_id</c>, <c>priority</c> or <c>status</c>,
/// <c>subject_user_id</c>) to members with <c>reports.view</c> of the caller's workspace. Members who see all leads join the
/// workspace group and hear every insight; <c>own</c> members join their personal group and hear only insights about
/// themselves — the same rule as <c>GET /api/v1/insights</c>. Rights are read when the connection opens.
/// </summary>
[Authorize]
public sealed class InsightsHub(CapabilityResolver resolver) : Hub
{
    public const string Path = "/hubs/insights";
    public const string Message = "InsightGenerated";

    public static string AllGroup(Guid tenantId) => $"insights:{tenantId:N}:all";

    public static string UserGroup(Guid tenantId, Guid userId) => $"insights:{tenantId:N}:user:{userId:N}";

    public override async Task OnConnectedAsync()
    {
        var principal = Context.User ?? new ClaimsPrincipal();
        var tenantId = CurrentUser.ReadGuid(principal, CrmClaims.TenantId);
        var apiKeyId = CurrentUser.ReadGuid(principal, CrmClaims.ApiKeyId);
        var userId = apiKeyId is null ? CurrentUser.ReadGuid(principal, CrmClaims.Subject, ClaimTypes.NameIdentifier) : null;
        var capabilities = await resolver.ResolveAsync(userId, tenantId, apiKeyId);
        if (tenantId is null || !capabilities.Contains(Capabilities.ReportsView))
        {
            Context.Abort();
            return;
        }
        var scope = await resolver.ResolveVisibilityAsync(userId, tenantId, apiKeyId);
        var group = scope == VisibilityScope.All || userId is null ? AllGroup(tenantId.Value) : UserGroup(tenantId.Value, userId.Value);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }
}
