using Microsoft.Playwright;
using SalesCrm.Web.Tests.Insights;

namespace SalesCrm.E2E;

/// <summary>The home page's insights panel: generate on demand, follow the evidence to a lead, dismiss.</summary>
public sealed class InsightsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_generates_insights_on_the_home_page_sees_the_leads_behind_one_and_dismisses_it()
    {
        var w = await InsightsWorld.CreateAsync(browser.App, DateTime.UtcNow);
        var page = await browser.SignInAsync(w.Owner.Email, "/");
        await BrowserApp.CaptureOnFailureAsync(page, "insights-journey", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=insights-empty]")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=insights-generate]");
            // The run ends in the background; the panel hears it on the bus and reloads.
            var hot = page.Locator("[data-testid=insight]", new() { HasText = "hot lead" });
            await Assertions.Expect(hot).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(hot.Locator("[data-testid=insight-priority]")).ToHaveTextAsync("Critical");
            await Assertions.Expect(hot.Locator("[data-testid=insight-lead]").First).ToHaveAttributeAsync("href", $"/leads/{w.Leads["B"]}");
            await Assertions.Expect(hot.Locator("[data-testid=insight-lead]").First).ToHaveTextAsync("B");
            await BrowserApp.ScreenshotAsync(page, "home-insights");
            await hot.Locator("[data-testid=insight-dismiss]").ClickAsync();
            await Assertions.Expect(hot).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=insight]").First).ToBeVisibleAsync();
        });
    }
}
