using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for Postgres without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new CrmDbContext(options, FixedCurrentUser.System, TimeProvider.System);
    }
}
