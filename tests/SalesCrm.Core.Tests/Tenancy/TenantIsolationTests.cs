using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Tenancy;

public class TenantIsolationTests
{
    private static async Task<(Guid A, Guid B)> TwoTenantsAsync(TestDb db)
    {
        await using var system = db.As(FixedCurrentUser.System);
        var a = new Tenant { Name = "A", Slug = "a-" + Guid.NewGuid().ToString("N")[..6] };
        var b = new Tenant { Name = "B", Slug = "b-" + Guid.NewGuid().ToString("N")[..6] };
        system.Tenants.AddRange(a, b);
        system.Roles.AddRange(new Role { TenantId = a.Id, Name = "role-a" }, new Role { TenantId = b.Id, Name = "role-b" });
        await system.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    [Fact]
    public async Task Queries_only_see_the_current_tenants_rows()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, b) = await TwoTenantsAsync(db);
        await using var asA = db.As(new FixedCurrentUser(TenantId: a, UserId: Guid.NewGuid()));
        Assert.Equal(["role-a"], await asA.Roles.Select(r => r.Name).ToListAsync());
        await using var asB = db.As(new FixedCurrentUser(TenantId: b, UserId: Guid.NewGuid()));
        Assert.Equal(["role-b"], await asB.Roles.Select(r => r.Name).ToListAsync());
    }

    [Fact]
    public async Task Without_a_tenant_no_tenant_owned_row_is_visible()
    {
        await using var db = await TestDb.CreateAsync();
        await TwoTenantsAsync(db);
        await using var anonymous = db.As(new FixedCurrentUser());
        Assert.Empty(await anonymous.Roles.ToListAsync());
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_tenant()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, _) = await TwoTenantsAsync(db);
        await using var asA = db.As(new FixedCurrentUser(TenantId: a, UserId: Guid.NewGuid()));
        var role = new Role { Name = "stamped" };
        asA.Roles.Add(role);
        await asA.SaveChangesAsync();
        Assert.Equal(a, role.TenantId);
    }

    [Fact]
    public async Task Writing_another_tenants_row_is_refused()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, b) = await TwoTenantsAsync(db);
        await using var asA = db.As(new FixedCurrentUser(TenantId: a, UserId: Guid.NewGuid()));
        asA.Roles.Add(new Role { TenantId = b, Name = "smuggled" });
        await Assert.ThrowsAsync<ForbiddenException>(() => asA.SaveChangesAsync());
        await using var system = db.As(FixedCurrentUser.System);
        Assert.False(await system.Roles.IgnoreQueryFilters().AnyAsync(r => r.Name == "smuggled"));
    }

    [Fact]
    public async Task Audited_changes_record_actor_changed_fields_and_mask_secrets()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, _) = await TwoTenantsAsync(db);
        var user = new FixedCurrentUser(TenantId: a, UserId: Guid.NewGuid(), DisplayName: "Ana", CorrelationId: "corr-1");
        await using (var ctx = db.As(user))
        {
            ctx.ApiKeys.Add(new ApiKey { Name = "k", Prefix = "abcdefabcdef", SecretHash = "deadbeef" });
            await ctx.SaveChangesAsync();
        }
        await using (var ctx = db.As(user))
        {
            var key = await ctx.ApiKeys.SingleAsync();
            key.Name = "renamed";
            await ctx.SaveChangesAsync();
        }
        await using var read = db.As(user);
        var logs = await read.AuditLogs.Where(l => l.Entity == nameof(ApiKey)).OrderBy(l => l.OccurredAt).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Update], logs.Select(l => l.Action));
        Assert.All(logs, l => Assert.Equal((ActorType.User, user.UserId, "Ana", "corr-1", a), (l.ActorType, l.ActorId, l.ActorName, l.CorrelationId, l.TenantId)));
        var created = JsonDocument.Parse(logs[0].Changes).RootElement;
        Assert.Equal("***", created.GetProperty("SecretHash").GetProperty("new").GetString());
        var updated = JsonDocument.Parse(logs[1].Changes).RootElement;
        Assert.Equal(["Name"], updated.EnumerateObject().Select(p => p.Name));
        Assert.Equal("k", updated.GetProperty("Name").GetProperty("old").GetString());
    }

    [Fact]
    public async Task Access_requires_a_signed_in_actor_and_the_capability()
    {
        await using var db = await TestDb.CreateAsync();
        var (a, _) = await TwoTenantsAsync(db);
        var userId = Guid.NewGuid();
        await using (var system = db.As(FixedCurrentUser.System))
        {
            system.Users.Add(new AppUser { Id = userId, Email = "x@y.z", UserName = "x@y.z", Name = "X" });
            var role = await system.Roles.IgnoreQueryFilters().SingleAsync(r => r.TenantId == a);
            role.Capabilities = [Capabilities.LeadsRead];
            system.Memberships.Add(new Membership { TenantId = a, UserId = userId, RoleId = role.Id });
            await system.SaveChangesAsync();
        }
        var user = new FixedCurrentUser(TenantId: a, UserId: userId);
        var access = new AccessService(user, new CapabilityResolver(db.FactoryFor(user), TimeProvider.System));
        Assert.Equal(a, await access.RequireAsync(Capabilities.LeadsRead));
        await Assert.ThrowsAsync<ForbiddenException>(() => access.RequireAsync(Capabilities.UsersManage));

        var stranger = new FixedCurrentUser(TenantId: a, UserId: Guid.NewGuid());
        var strangerAccess = new AccessService(stranger, new CapabilityResolver(db.FactoryFor(stranger), TimeProvider.System));
        await Assert.ThrowsAsync<ForbiddenException>(() => strangerAccess.RequireAsync(Capabilities.LeadsRead));

        var nobody = new AccessService(new FixedCurrentUser(TenantId: a), new CapabilityResolver(db.FactoryFor(FixedCurrentUser.System), TimeProvider.System));
        await Assert.ThrowsAsync<UnauthorizedException>(() => nobody.RequireAsync(Capabilities.LeadsRead));
    }
}

public class AuditEntitiesTests
{
    [Fact]
    public async Task The_entity_filter_lists_what_the_tenants_trail_contains()
    {
        await using var db = await TestDb.CreateAsync();
        var tenantId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        await using (var system = db.As(FixedCurrentUser.System))
        {
            system.Tenants.Add(new Tenant { Id = tenantId, Name = "T", Slug = "t-" + tenantId.ToString("N")[..6] });
            system.Users.Add(new AppUser { Id = userId, Email = "a@b.c", UserName = "a@b.c", Name = "A" });
            var role = new Role { TenantId = tenantId, Name = "owner", Key = SystemRoles.Owner, Capabilities = [.. Capabilities.All] };
            system.Roles.Add(role);
            system.Memberships.Add(new Membership { TenantId = tenantId, UserId = userId, RoleId = role.Id });
            await system.SaveChangesAsync();
        }
        var user = new FixedCurrentUser(TenantId: tenantId, UserId: userId);
        await using (var ctx = db.As(user))
        {
            ctx.Pipelines.Add(SalesCrm.Core.Pipelines.PipelineService.NewDefault(tenantId, DateTime.UtcNow));
            await ctx.SaveChangesAsync();
        }
        var access = new AccessService(user, new CapabilityResolver(db.FactoryFor(user), TimeProvider.System));
        var query = new AuditQuery(db.FactoryFor(user), access, new SalesCrm.Core.Leads.LeadQuery(db.FactoryFor(user), access, TimeProvider.System));
        var entities = await query.EntitiesAsync();
        Assert.Contains("Pipeline", entities);
        Assert.Contains("Stage", entities);
        Assert.Contains("Role", entities);
    }
}
