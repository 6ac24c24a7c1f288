using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Calls the app's services as a signed-in member would (what a Blazor page does), outside any HTTP request.</summary>
public static class ServiceScope
{
    public static async Task<T> AsMemberAsync<T>(this Session member, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = member.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new FixedCurrentUser(member.TenantId, member.UserId, DisplayName: member.Email));
        return await call(scope.ServiceProvider);
    }
}
