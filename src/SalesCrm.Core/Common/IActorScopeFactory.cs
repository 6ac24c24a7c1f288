using Microsoft.Extensions.DependencyInjection;

namespace SalesCrm.Core.Common;

/// <summary>Creates a DI scope whose services act as the given actor (the web host sets its current user).</summary>
public interface IActorScopeFactory
{
    AsyncServiceScope Create(ICurrentUser actor);
}
