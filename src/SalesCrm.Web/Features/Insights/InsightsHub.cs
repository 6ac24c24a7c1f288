using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure.Hubs;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// <c>/hubs/insights</c>: pushes <c>InsightGenerated</c> (<c>insight_id</c>, <c>priority</c> or <c>status</c>,
/// <c>subject_user_id</c>, <c>title</c> in the workspace's language named by <c>culture</c>, ADR 042) to members with <c>reports.view</c> of the caller's workspace. Members who see all leads join the
/// workspace group and hear every insight; <c>own</c> members join their personal group and hear only insights about
/// themselves — the same rule as <c>GET /api/v1/insights</c>. A change of their rights moves an open connection
/// (<see cref="VisibilityGroups{THub}"/>, shared with the pipeline hub).
/// </summary>
[Authorize]
public sealed class InsightsHub(CapabilityResolver resolver, VisibilityGroups<InsightsHub> groups) : Hub, IVisibilityHub
{
    public const string Path = "/hubs/insights";
    public const string Message = "InsightGenerated";

    public static string GroupPrefix => "insights";

    public static string Capability => Capabilities.ReportsView;

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
