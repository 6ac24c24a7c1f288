using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure.Hubs;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// <c>/hubs/pipeline</c>: pushes lead changes (<c>LeadCreated</c>, <c>LeadUpdated</c>, <c>LeadMoved</c>, <c>LeadDeleted</c>)
/// to the caller's tenant only. Members who see all leads join the tenant group; "own"-scope members join their
/// personal group and receive only their leads. A change of their rights moves an open connection
/// (<see cref="VisibilityGroups{THub}"/>).
/// </summary>
[Authorize]
public sealed class PipelineHub(CapabilityResolver resolver, VisibilityGroups<PipelineHub> groups) : Hub, IVisibilityHub
{
    public const string Path = "/hubs/pipeline";

    public static string GroupPrefix => "tenant";

    public static string Capability => Capabilities.LeadsRead;

    public override async Task OnConnectedAsync()
    {
        if (await groups.JoinAsync(Context, Groups, resolver)) await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
