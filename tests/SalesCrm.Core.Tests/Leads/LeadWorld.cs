using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>A migrated in-memory database with one workspace, its owner and a sales rep (visibility own).</summary>
internal sealed record LeadWorld(TestDb Db, Guid TenantId, Guid OwnerId, Guid RepId, InProcessCrmEventBus Bus) : IAsyncDisposable
{
    /// <summary>The lead service and query as a member of the workspace.</summary>
    public (LeadService Service, LeadQuery Query) As(Guid userId)
    {
        var user = new FixedCurrentUser(TenantId: TenantId, UserId: userId, DisplayName: "tester");
        var access = new AccessService(user, new CapabilityResolver(Db.FactoryFor(user), TimeProvider.System));
        var query = new LeadQuery(Db.FactoryFor(user), access, TimeProvider.System);
        return (new LeadService(Db.FactoryFor(user), access, query, Bus, TimeProvider.System), query);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    public static async Task<LeadWorld> CreateAsync()
    {
        var db = await TestDb.CreateAsync();
        var ownerId = Guid.NewGuid();
        var repId = Guid.NewGuid();
        Guid tenantId;
        await using (var system = db.As(FixedCurrentUser.System))
        {
            system.Users.AddRange(new AppUser { Id = ownerId, Email = "o@x.com", UserName = "o@x.com", Name = "Owner" },
                new AppUser { Id = repId, Email = "r@x.com", UserName = "r@x.com", Name = "Rep" });
            var tenant = await new TenantService(db.FactoryFor(FixedCurrentUser.System), TimeProvider.System).CreateAsync(system, "T", ownerId, default);
            tenantId = tenant.Id;
            await system.SaveChangesAsync();
            var rep = await system.Roles.IgnoreQueryFilters().SingleAsync(r => r.TenantId == tenantId && r.Key == SystemRoles.SalesRep);
            system.Memberships.Add(new Membership { TenantId = tenantId, UserId = repId, RoleId = rep.Id });
            await system.SaveChangesAsync();
        }
        return new LeadWorld(db, tenantId, ownerId, repId, new InProcessCrmEventBus());
    }
}
