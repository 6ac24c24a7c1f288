using Microsoft.Playwright;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

/// <summary>The app as README's first command starts it: the demo workspace seeded on start.</summary>
public sealed class DemoE2EApp() : InboundAppBase(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [.. base.ExtraSettings(), new("Demo:Enabled", "true")];
}

/// <summary>The browser on the demo app.</summary>
public sealed class DemoBrowserApp() : BrowserApp(new DemoE2EApp());

/// <summary>What a newcomer sees first: the demo workspace, signed in with the passwords the reset command prints. Also takes README's demo screenshots.</summary>
public sealed class DemoJourneyTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    /// <summary>Runs <c>demo reset-passwords</c> as a user would and reads the printed line for <paramref name="email"/>.</summary>
    private async Task<string> DemoPasswordAsync(string email)
    {
        var output = new StringWriter();
        Assert.Equal(0, await DemoPasswords.ResetAsync(browser.App.Services, output));
        var line = output.ToString().Split('\n').Single(l => l.Contains(email, StringComparison.Ordinal));
        return line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Last();
    }

    [Fact]
    public async Task The_demo_owner_signs_in_with_reset_passwords_and_sees_a_full_board_and_due_activities()
    {
        var password = await DemoPasswordAsync("owner@demo.salescrm.local");
        var page = await browser.SignInAsync("owner@demo.salescrm.local", "/pipeline", "pt-BR", password: password);
        await BrowserApp.CaptureOnFailureAsync(page, "demo-journey", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=board]")).ToBeVisibleAsync();
            // Cards come once the board is live; the demo puts leads in every open stage.
            await page.Locator("[data-testid^=card-]").First.WaitForAsync();
            Assert.True(await page.Locator(".board-column").CountAsync() >= 5);
            Assert.True(await page.Locator("[data-testid=card-name]").CountAsync() >= 20);
            await Assertions.Expect(page.GetByText(DemoWorkspace.Name).First).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "demo-board");

            await page.GotoAsync("/activities");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=activity-due]").First).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "activities");
        });
    }
}
