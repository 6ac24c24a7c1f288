using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Bench;

/// <summary>Knowledge services as a member of the bench's workspace calls them, with search options chosen per measurement.</summary>
public static class KnowledgeBenchScope
{
    public static async Task<T> AsAsync<T>(BenchHost host, BenchHost.Account account, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new FixedCurrentUser(account.TenantId, account.UserId, DisplayName: "Bench User"));
        return await call(scope.ServiceProvider);
    }

    /// <summary>A search service with these options instead of the configured ones; the vector signal only with <paramref name="vectors"/>.</summary>
    public static KnowledgeSearchService Search(IServiceProvider sp, KnowledgeSearchOptions options, bool vectors = false) => new(
        sp.GetRequiredService<IDbContextFactory<CrmDbContext>>(), sp.GetRequiredService<AccessService>(), TimeProvider.System,
        vectors ? sp.GetRequiredService<IKnowledgeVectorSearch>() : new NoKnowledgeVectors(), new Fixed(options));

    private sealed class Fixed(KnowledgeSearchOptions value) : IOptionsMonitor<KnowledgeSearchOptions>
    {
        public KnowledgeSearchOptions CurrentValue => value;
        public KnowledgeSearchOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<KnowledgeSearchOptions, string?> listener) => null;
    }
}
