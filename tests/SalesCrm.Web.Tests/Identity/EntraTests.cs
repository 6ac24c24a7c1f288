using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

public sealed class EntraTests(EntraApp app) : IClassFixture<EntraApp>
{
    [Fact]
    public async Task The_login_page_offers_microsoft_sign_in_when_configured()
    {
        var html = await app.CreateClient().GetStringAsync("/account/login");
        Assert.Contains("data-testid=\"login-microsoft\"", html);
    }

    [Fact]
    public async Task The_microsoft_challenge_redirects_to_the_configured_authority()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/account/external-login?return_url=/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{app.Authority.Instance}{StubEntraAuthority.TenantId}/oauth2/v2.0/authorize", location);
        Assert.Contains($"client_id={StubEntraAuthority.ClientId}", location);
        Assert.Contains("redirect_uri=", location);
    }

    [Fact]
    public async Task An_entra_bearer_token_for_a_local_user_is_accepted_by_the_api()
    {
        var local = await app.RegisterAsync();
        var client = app.CreateClient().WithBearer(app.Authority.IssueToken(local.Email, Guid.NewGuid().ToString()));
        var me = await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(local.Email, (string?)me["user"]!["email"]);
        Assert.Equal(local.TenantId.ToString(), (string?)me["current_tenant"]!["id"]);
        await (await client.GetAsync("/api/v1/members")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_entra_token_without_a_local_account_or_with_a_bad_signature_is_refused()
    {
        var stranger = app.CreateClient().WithBearer(app.Authority.IssueToken("nobody@contoso.example", Guid.NewGuid().ToString()));
        await (await stranger.GetAsync("/api/v1/me")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        var local = await app.RegisterAsync();
        var forged = app.CreateClient().WithBearer(app.Authority.IssueToken(local.Email, Guid.NewGuid().ToString(), foreignKey: true));
        await (await forged.GetAsync("/api/v1/me")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Local_tokens_keep_working_when_entra_is_configured()
    {
        var local = await app.RegisterAsync();
        await (await local.Client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
    }
}
