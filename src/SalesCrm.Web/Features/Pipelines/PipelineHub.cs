using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// <c>/hubs/pipeline</c>: pushes lead changes (<c>LeadCreated</c>, <c>LeadUpdated</c>, <c>LeadMoved</c>, <c>LeadDeleted</c>)
/// to the caller's tenant only. Members who see all leads join the tenant group; "own"-scope members join their
/// personal group and receive only their leads. A change of their rights moves an open connection
/// (<see cref="PipelineHubMembers"/>).
/// </summary>
[Authorize]
public sealed class PipelineHub(CapabilityResolver resolver, PipelineHubMembers members) : Hub
{
    public const string Path = "/hubs/pipeline";

    public static string AllGroup(Guid tenantId) => $"tenant:{tenantId:N}:all";

    public static string UserGroup(Guid tenantId, Guid userId) => $"tenant:{tenantId:N}:user:{userId:N}";

    public override async Task OnConnectedAsync()
    {
        var principal = Context.User ?? new ClaimsPrincipal();
        var tenantId = CurrentUser.ReadGuid(principal, CrmClaims.TenantId);
        var apiKeyId = CurrentUser.ReadGuid(principal, CrmClaims.ApiKeyId);
        var userId = apiKeyId is null ? CurrentUser.ReadGuid(principal, CrmClaims.Subject, ClaimTypes.NameIdentifier) : null;
        var capabilities = await resolver.ResolveAsync(userId, tenantId, apiKeyId);
        if (tenantId is null || !capabilities.Contains(Capabilities.LeadsRead))
        {
            Context.Abort();
            return;
        }
        var scope = await resolver.ResolveVisibilityAsync(userId, tenantId, apiKeyId);
        var group = PipelineHubMembers.GroupFor(tenantId.Value, userId, capabilities, scope)!;
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        members.Track(Context.ConnectionId, tenantId.Value, userId, apiKeyId, group);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        members.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
