using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class AccountJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_user_switches_workspace_from_the_app_bar_and_changes_password()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.CaptureOnFailureAsync(page, "account-journey", async () =>
        {
            // Two workspaces: Ana owns one and is a viewer in Bruno's.
            var ana = await browser.App.RegisterAsync("Ana Consultoria");
            var bruno = await browser.App.RegisterAsync("Bruno Seguros");
            var viewer = await bruno.RoleIdAsync("viewer");
            await (await bruno.Client.PostAsJsonAsync("/api/v1/members", new { email = ana.Email, role_id = viewer })).ExpectAsync(HttpStatusCode.Created);
            var brunoTenant = await (await bruno.Client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);
            var brunoSlug = (string)brunoTenant["current_tenant"]!["slug"]!;

            await SignInAsync(page, ana.Email, Api.Password);
            await Assertions.Expect(page.Locator("[data-testid=home-tenant]")).ToHaveTextAsync("Ana Consultoria");
            await Assertions.Expect(page.Locator("[data-testid=nav-members]")).ToBeVisibleAsync();

            await page.ClickAsync("[data-testid=current-tenant]");
            await page.ClickAsync($"[data-testid=switch-tenant-{brunoSlug}]");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=home-tenant]")).ToHaveTextAsync("Bruno Seguros");
            await Assertions.Expect(page.Locator("[data-testid=nav-members]")).ToHaveCountAsync(0);

            // Change the password, sign out, sign in with the new one; the old one no longer works.
            await page.GotoAsync("/account/password");
            await page.FillAsync("#current", Api.Password);
            await page.FillAsync("#new", "N3wPassword");
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=password-message]")).ToHaveTextAsync("Password changed.");
            await page.GotoAsync("/");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=user-menu-button]");
            await page.ClickAsync("[data-testid=logout]");
            await page.WaitForURLAsync("**/account/login");
            await page.FillAsync("#email", ana.Email);
            await page.FillAsync("#password", Api.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
            await SignInAsync(page, ana.Email, "N3wPassword");
            // The last workspace used is the one that opens.
            await Assertions.Expect(page.Locator("[data-testid=home-tenant]")).ToHaveTextAsync("Bruno Seguros");
        });
    }

    [Theory]
    [InlineData("/workflows")]
    [InlineData("/account/login?ReturnUrl=%2Fworkflows")]
    [InlineData("/account/login?return_url=%2Fworkflows")]
    public async Task Signing_in_lands_on_the_page_that_was_asked_for(string start)
    {
        var owner = await browser.App.RegisterAsync("Retorno");
        var page = await browser.NewPageAsync();
        await BrowserApp.CaptureOnFailureAsync(page, "login-return", async () =>
        {
            // A page asked for while signed out sends to the login form, which remembers it, whatever its spelling.
            await page.GotoAsync(start);
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
            await page.FillAsync("#email", owner.Email);
            await page.FillAsync("#password", Api.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(browser.BaseUrl + "/workflows", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        });
    }

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await BrowserApp.WaitForCircuitAsync(page);
    }
}
