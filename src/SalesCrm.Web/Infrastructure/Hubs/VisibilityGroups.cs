using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Infrastructure.Hubs;

/// <summary>
/// The one rule for who hears what on a workspace hub (<typeparamref name="THub"/>): members who see all leads join the
/// workspace's "all" group, "own"-scope members their personal group, and a connection without the hub's capability is
/// refused. Open connections are remembered, and when the rights of their workspace's members change
/// (<see cref="AccessSignal"/>) each is checked again and moved to the group its rights now give, or out of every group
/// when the capability was taken away, so it stops hearing what its member can no longer open (ADR 002, ADR 038).
/// Broadcasters send to <see cref="AllGroup"/> and to the <see cref="UserGroup"/> of whom a message is about.
/// </summary>
public sealed class VisibilityGroups<THub>(AccessSignal signal, IHubContext<THub> hub, IServiceScopeFactory scopes, ILogger<VisibilityGroups<THub>> logger)
    where THub : Hub, IVisibilityHub
{
    private readonly ConcurrentDictionary<string, Member> _members = new();

    /// <summary>The group of every connection of <paramref name="tenantId"/> that sees all of it.</summary>
    public static string AllGroup(Guid tenantId) => $"{THub.GroupPrefix}:{tenantId:N}:all";

    /// <summary>The personal group of <paramref name="userId"/> in <paramref name="tenantId"/> ("own" scope).</summary>
    public static string UserGroup(Guid tenantId, Guid userId) => $"{THub.GroupPrefix}:{tenantId:N}:user:{userId:N}";

    /// <summary>The group a member with these rights belongs in, or null without the hub's capability. An API key (no user) sees all.</summary>
    public static string? GroupFor(Guid tenantId, Guid? userId, IReadOnlySet<string> capabilities, VisibilityScope scope) =>
        !capabilities.Contains(THub.Capability) ? null
        : scope == VisibilityScope.All || userId is null ? AllGroup(tenantId) : UserGroup(tenantId, userId.Value);

    /// <summary>
    /// Puts a connection that just opened in its group and watches its workspace's rights; aborts it when the caller has
    /// no workspace or lacks the hub's capability. Call from <see cref="Hub.OnConnectedAsync"/>.
    /// </summary>
    /// <returns>False when the connection was aborted.</returns>
    public async Task<bool> JoinAsync(HubCallerContext context, IGroupManager groups, CapabilityResolver resolver)
    {
        var principal = context.User ?? new ClaimsPrincipal();
        var tenantId = CurrentUser.ReadGuid(principal, CrmClaims.TenantId);
        var apiKeyId = CurrentUser.ReadGuid(principal, CrmClaims.ApiKeyId);
        var userId = apiKeyId is null ? CurrentUser.ReadGuid(principal, CrmClaims.Subject, ClaimTypes.NameIdentifier) : null;
        var capabilities = await resolver.ResolveAsync(userId, tenantId, apiKeyId);
        var group = tenantId is null ? null : GroupFor(tenantId.Value, userId, capabilities, await resolver.ResolveVisibilityAsync(userId, tenantId, apiKeyId));
        if (group is null)
        {
            context.Abort();
            return false;
        }
        await groups.AddToGroupAsync(context.ConnectionId, group);
        var member = new Member(tenantId!.Value, userId, apiKeyId) { Group = group };
        member.Watch = signal.Watch(member.TenantId, () => _ = RegroupAsync(context.ConnectionId, member));
        _members[context.ConnectionId] = member;
        return true;
    }

    /// <summary>Stops watching a connection that closed. Call from <see cref="Hub.OnDisconnectedAsync"/>.</summary>
    public void Forget(string connectionId)
    {
        if (_members.TryRemove(connectionId, out var member)) member.Watch?.Dispose();
    }

    private async Task RegroupAsync(string connectionId, Member member)
    {
        await member.Gate.WaitAsync();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var resolver = scope.ServiceProvider.GetRequiredService<CapabilityResolver>();
            var capabilities = await resolver.ResolveAsync(member.UserId, member.TenantId, member.ApiKeyId);
            var visibility = await resolver.ResolveVisibilityAsync(member.UserId, member.TenantId, member.ApiKeyId);
            var group = GroupFor(member.TenantId, member.UserId, capabilities, visibility);
            if (group == member.Group) return;
            if (group is not null) await hub.Groups.AddToGroupAsync(connectionId, group);
            if (member.Group is not null) await hub.Groups.RemoveFromGroupAsync(connectionId, member.Group);
            member.Group = group;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Re-checking the rights of hub connection {ConnectionId} failed", connectionId);
        }
        finally
        {
            member.Gate.Release();
        }
    }

    private sealed class Member(Guid tenantId, Guid? userId, Guid? apiKeyId)
    {
        public Guid TenantId { get; } = tenantId;
        public Guid? UserId { get; } = userId;
        public Guid? ApiKeyId { get; } = apiKeyId;
        public string? Group { get; set; }
        public IDisposable? Watch { get; set; }
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
