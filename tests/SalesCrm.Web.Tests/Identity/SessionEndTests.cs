using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Identity;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Identity;

/// <summary>A new password (the demo's <c>reset-passwords</c> command, a reset by an admin) ends the user's open sessions.</summary>
public sealed class SessionEndTests(SessionCheckApp app) : IClassFixture<SessionCheckApp>
{
    private static readonly WebApplicationFactoryClientOptions NoJar = new() { AllowAutoRedirect = false, HandleCookies = false };

    [Fact]
    public async Task A_browser_session_ends_when_the_password_is_reset_elsewhere()
    {
        var owner = await app.RegisterAsync();
        var client = app.CreateClient(NoJar);
        var cookie = await CookieSignIn.SignInAsync(client, client, owner.Email, Api.Password);
        Assert.Equal(HttpStatusCode.OK, (await CookieSignIn.GetAsync(client, "/", cookie)).StatusCode);

        await ResetPasswordAsync(owner.UserId);

        var after = await CookieSignIn.GetAsync(client, "/", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_open_page_is_signed_out_when_the_password_is_reset_elsewhere()
    {
        var owner = await app.RegisterAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByIdAsync(owner.UserId.ToString()))!);
        var circuit = Assert.IsType<SessionRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await circuit.IsStillValidAsync(principal));

        await ResetPasswordAsync(owner.UserId);

        Assert.False(await circuit.IsStillValidAsync(principal));
    }

    [Fact]
    public async Task A_session_of_another_user_stays_when_one_password_is_reset()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var client = app.CreateClient(NoJar);
        var cookie = await CookieSignIn.SignInAsync(client, client, other.Email, Api.Password);

        await ResetPasswordAsync(owner.UserId);

        Assert.Equal(HttpStatusCode.OK, (await CookieSignIn.GetAsync(client, "/", cookie)).StatusCode);
    }

    private async Task ResetPasswordAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().ResetPasswordAsync(userId, "Outra-senha-forte-2026!");
    }
}
