using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>A context on an instance's database, opened in a DI scope of that instance (the factory is scoped); disposes both.</summary>
public sealed class ScopedDb : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ScopedDb(AsyncServiceScope scope, CrmDbContext db) => (_scope, Db) = (scope, db);

    public CrmDbContext Db { get; }

    public static async Task<ScopedDb> OpenAsync(CrmAppFactory app)
    {
        var scope = app.Services.CreateAsyncScope();
        return new ScopedDb(scope, await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
