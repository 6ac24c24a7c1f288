using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>What one instance writes, the other reads: keys, tokens and stored secrets live in the shared database.</summary>
public sealed class TwoInstancesTests(TwoInstances pair) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var owner = await pair.First.RegisterAsync();
        var me = await (await pair.Second.CreateClient().WithBearer(owner.AccessToken).GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(owner.Email, (string?)me["user"]!["email"]);
    }

    [Fact]
    public async Task A_webhook_secret_stored_through_one_instance_is_decrypted_by_the_other()
    {
        var owner = await pair.First.RegisterAsync();
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://hooks.example.com/scale", events = new[] { "lead.created" }, secret, is_active = false })).ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)created["id"]!);

        await using var scope = pair.Second.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var stored = await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.SecretProtected).SingleAsync();
        Assert.NotEqual(secret, stored);
        Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<ISecretProtector>().Unprotect(stored));
    }

    [Fact]
    public async Task A_sign_in_form_from_one_instance_is_accepted_by_the_other_and_its_cookie_by_the_first()
    {
        var owner = await pair.First.RegisterAsync();
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var first = pair.First.CreateClient(options);
        var second = pair.Second.CreateClient(options);

        var session = await CookieSignIn.SignInAsync(first, second, owner.Email, Api.Password);
        var page = await CookieSignIn.GetAsync(first, "/", session);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Ready_on_either_instance_reports_the_shared_backlog_with_its_oldest_pending_age()
    {
        await Readiness.AddWaitingInboxItemAsync(pair.First);
        var backlog = await Readiness.ReadAsync(pair.Second);
        Assert.Equal("healthy", (string?)backlog["status"]);
        var inbox = backlog["data"]!["inbox"]!;
        Assert.True((int)inbox["pending"]! >= 1);
        Assert.True((double)inbox["oldest_pending_age_seconds"]! >= 7000, inbox.ToJsonString());
        Assert.NotNull(backlog["data"]!["outbox"]!["pending"]);
        Assert.NotNull(backlog["data"]!["webhook_deliveries"]!["pending"]);
    }
}
