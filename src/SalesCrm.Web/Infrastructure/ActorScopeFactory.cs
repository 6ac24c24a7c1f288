using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Background work acting inside a tenant: a fresh scope whose <see cref="CurrentUser"/> is the given actor.</summary>
public sealed class ActorScopeFactory(IServiceScopeFactory scopes) : IActorScopeFactory
{
    public AsyncServiceScope Create(ICurrentUser actor)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(actor);
        return scope;
    }
}
