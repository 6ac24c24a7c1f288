using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// The open <see cref="PipelineHub"/> connections and the group each was put in ("all" leads or the member's "own").
/// When the rights of a workspace's members change (<see cref="AccessSignal"/>), each of its connections is checked
/// again and moved to the group its rights now give, or out of every group when leads.read was taken away, so an open
/// connection stops hearing about leads its member can no longer open (ADR 002).
/// </summary>
public sealed class PipelineHubMembers(AccessSignal signal, IHubContext<PipelineHub> hub, IServiceScopeFactory scopes, ILogger<PipelineHubMembers> logger)
{
    private readonly ConcurrentDictionary<string, Member> _members = new();

    /// <summary>Remembers a connection that just joined <paramref name="group"/> and watches its workspace's rights.</summary>
    public void Track(string connectionId, Guid tenantId, Guid? userId, Guid? apiKeyId, string group)
    {
        var member = new Member(tenantId, userId, apiKeyId) { Group = group };
        member.Watch = signal.Watch(tenantId, () => _ = RegroupAsync(connectionId, member));
        _members[connectionId] = member;
    }

    public void Forget(string connectionId)
    {
        if (_members.TryRemove(connectionId, out var member)) member.Watch?.Dispose();
    }

    /// <summary>The group a member with these rights belongs in, or null when they may not read leads.</summary>
    public static string? GroupFor(Guid tenantId, Guid? userId, IReadOnlySet<string> capabilities, VisibilityScope scope) =>
        !capabilities.Contains(Capabilities.LeadsRead) ? null
        : scope == VisibilityScope.All || userId is null ? PipelineHub.AllGroup(tenantId) : PipelineHub.UserGroup(tenantId, userId.Value);

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
