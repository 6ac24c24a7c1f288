using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Leads;

public sealed class RoundRobinAssignerTests
{
    private static readonly DateTime Noon = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_member_never_assigned_goes_first_then_the_one_assigned_longest_ago_and_other_roles_are_skipped()
    {
        await using var world = await LeadWorld.CreateAsync();
        var (second, third) = (await AddRepAsync(world, "b"), await AddRepAsync(world, "c"));
        await SetLastAssignedAsync(world, world.RepId, Noon.AddHours(-1));
        await SetLastAssignedAsync(world, second, Noon.AddHours(-3));

        await using var db = world.Db.As(new FixedCurrentUser(TenantId: world.TenantId, UserId: world.OwnerId));
        var picks = new List<Guid?>();
        for (var turn = 0; turn < 4; turn++) picks.Add(await RoundRobinAssigner.NextAsync(db, SystemRoles.SalesRep, Noon.AddMinutes(turn), default));

        // third was never assigned; then second (3 h ago) before the first rep (1 h ago); then the turn wraps. The owner (another role) never.
        Assert.Equal([third, second, world.RepId, third], picks);
        Assert.Equal(Noon.AddMinutes(3), (await db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == third)).LastAssignedAt);
    }

    [Fact]
    public async Task A_role_without_members_gives_nobody_and_a_role_is_found_by_its_name_too()
    {
        await using var world = await LeadWorld.CreateAsync();
        await using var db = world.Db.As(new FixedCurrentUser(TenantId: world.TenantId, UserId: world.OwnerId));
        Assert.Null(await RoundRobinAssigner.NextAsync(db, "nobody_has_this_role", Noon, default));
        var repRoleName = await db.Roles.Where(r => r.Key == SystemRoles.SalesRep).Select(r => r.Name).SingleAsync();
        Assert.Equal(world.RepId, await RoundRobinAssigner.NextAsync(db, repRoleName, Noon, default));
    }

    private static async Task<Guid> AddRepAsync(LeadWorld world, string name)
    {
        var userId = Guid.NewGuid();
        await using var system = world.Db.As(FixedCurrentUser.System);
        system.Users.Add(new AppUser { Id = userId, Email = $"{name}@x.com", UserName = $"{name}@x.com", Name = name });
        var rep = await system.Roles.IgnoreQueryFilters().SingleAsync(r => r.TenantId == world.TenantId && r.Key == SystemRoles.SalesRep);
        system.Memberships.Add(new Membership { TenantId = world.TenantId, UserId = userId, RoleId = rep.Id, CreatedAt = Noon.AddDays(-1) });
        await system.SaveChangesAsync();
        return userId;
    }

    private static async Task SetLastAssignedAsync(LeadWorld world, Guid userId, DateTime at)
    {
        await using var system = world.Db.As(FixedCurrentUser.System);
        var membership = await system.Memberships.IgnoreQueryFilters().SingleAsync(m => m.TenantId == world.TenantId && m.UserId == userId);
        membership.LastAssignedAt = at;
        await system.SaveChangesAsync();
    }
}
