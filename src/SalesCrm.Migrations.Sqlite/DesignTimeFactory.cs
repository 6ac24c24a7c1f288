using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new CrmDbContext(options, FixedCurrentUser.System, TimeProvider.System);
    }
}
