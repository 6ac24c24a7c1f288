using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Integrations;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Integrations;

/// <summary>The Meta page connections of a workspace, through <see cref="IntegrationService"/> and the integrations API.</summary>
public sealed class IntegrationServicePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Adding_and_removing_one_page_keeps_the_other_pages_and_their_tokens()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = "7001", access_token = "tok-7001" }, new { page_id = "7002", access_token = "tok-7002" } } })).ExpectAsync(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(SalesCrm.Core.Common.FixedCurrentUser.Internal(owner.TenantId, SalesCrm.Core.Common.ActorType.System, "test"));
        var service = scope.ServiceProvider.GetRequiredService<IntegrationService>();
        await service.AddMetaPageAsync("7003", "tok-7003");
        await service.RemoveMetaPageAsync("7001");
        var status = await owner.GetJsonAsync("/api/v1/integrations");
        Assert.Equal(["7002", "7003"], status["meta_pages"]!.AsArray().Select(p => (string?)p!["page_id"]));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var route = await IntegrationService.RouteAsync(db, scope.ServiceProvider.GetRequiredService<ISecretProtector>(), IntegrationKind.MetaPage, "7002", default);
        Assert.Equal("tok-7002", route!.Value.Token);
        await Assert.ThrowsAsync<SalesCrm.Core.Common.ValidationException>(() => service.AddMetaPageAsync("7004", null));
    }
}
