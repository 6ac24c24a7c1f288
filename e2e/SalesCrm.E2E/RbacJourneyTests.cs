using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class RbacJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_owner_creates_a_role_without_users_manage_and_its_member_cannot_see_or_call_members()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.CaptureOnFailureAsync(page, "rbac-journey", () => Journey(page));
    }

    private async Task Journey(IPage page)
    {
        var ownerEmail = Api.UniqueEmail("owner");
        var memberEmail = Api.UniqueEmail("closer");

        // Register in the browser and land in the app.
        await page.GotoAsync("/account/register");
        await page.FillAsync("#name", "Olivia Owner");
        await page.FillAsync("#email", ownerEmail);
        await page.FillAsync("#password", Api.Password);
        await page.FillAsync("#tenant", "Olivia Imóveis");
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=home-tenant]")).ToHaveTextAsync("Olivia Imóveis");
        await Assertions.Expect(page.Locator("[data-testid=nav-members]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-api-docs]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "home");

        // A custom role with leads.read only.
        await page.ClickAsync("[data-testid=nav-roles]");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=role-new-name]").FillAsync("Closer");
        await page.ClickAsync("[data-testid=role-create]");
        var readCell = page.Locator("[data-testid='cap-Closer-leads.read']");
        await readCell.WaitForAsync();
        await readCell.CheckAsync();
        await Assertions.Expect(readCell).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid='cap-Closer-users.manage']")).Not.ToBeCheckedAsync();
        await BrowserApp.ScreenshotAsync(page, "roles");

        // Add a new member with that role.
        await page.ClickAsync("[data-testid=nav-members]");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=member-email]").FillAsync(memberEmail);
        await page.Locator("[data-testid=member-name]").FillAsync("Carlos Closer");
        await page.Locator("[data-testid=member-password]").FillAsync(Api.Password);
        await page.Locator("[data-testid=member-role]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Closer" }).ClickAsync();
        await page.ClickAsync("[data-testid=member-add]");
        await Assertions.Expect(page.Locator("[data-testid=member-row-email]", new() { HasText = memberEmail })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "members");

        // Sign out, sign in as the member: no Members navigation.
        await page.ClickAsync("[data-testid=user-menu-button]");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/account/login");
        await page.FillAsync("#email", memberEmail);
        await page.FillAsync("#password", Api.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await BrowserApp.WaitForCircuitAsync(page);
        // Home shows the member's day, not capability codes; the API reference is not for them.
        await Assertions.Expect(page.Locator("[data-testid=my-day]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=day-new-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync("leads.read");
        await Assertions.Expect(page.Locator("[data-testid=nav-api-docs]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=nav-home]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-members]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=nav-roles]")).ToHaveCountAsync(0);

        // The page itself refuses too, not only the menu.
        await page.GotoAsync("/settings/members");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=members-table]")).ToHaveCountAsync(0);

        // And the API answers 403 for the member's token.
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = memberEmail, password = Api.Password })).ExpectAsync(HttpStatusCode.OK);
        http.WithBearer((string)token["access_token"]!);
        await (await http.GetAsync("/api/v1/members")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_reps_open_page_follows_an_admin_changing_their_role_without_a_reload()
    {
        var owner = await browser.App.RegisterAsync("Equipe Viva");
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Lead do Rafael" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Lead da Olivia" })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(rep.Email, "/leads");
        await BrowserApp.CaptureOnFailureAsync(page, "live-rights", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            await Assertions.Expect(grid).ToContainTextAsync("Lead do Rafael");
            await Assertions.Expect(grid).Not.ToContainTextAsync("Lead da Olivia");
            // A full reload would drop this; the page must change in place.
            await page.EvaluateAsync("() => window.__openSince = 'before'");
            var role = await owner.RoleIdAsync("sales_rep");

            // The admin lets sales reps see every lead: the rep's open list shows the owner's lead too.
            await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role}", new { visibility = "all" })).ExpectAsync(HttpStatusCode.OK);
            await Assertions.Expect(grid).ToContainTextAsync("Lead da Olivia");

            // The admin takes leads.read away: the open page and its menu entries go.
            await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{role}/capabilities", new { capabilities = new[] { "copilot.use" } })).ExpectAsync(HttpStatusCode.OK);
            await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=nav-leads]")).ToHaveCountAsync(0);
            Assert.Equal("before", await page.EvaluateAsync<string>("() => window.__openSince"));
        });
    }

    [Fact]
    public async Task The_culture_switcher_changes_the_ui_language()
    {
        var page = await browser.NewPageAsync("pt-BR");
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Entrar");
        await page.ClickAsync("text=English");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }
}
