using Microsoft.Playwright;
using SalesCrm.Web.Tests.Assistant;

namespace SalesCrm.E2E;

/// <summary>A manager asks the pipeline chat on <c>/assistant</c> and sees the figure, then a list of stalled deals with links to the leads.</summary>
public sealed class AssistantJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_asks_the_assistant_and_sees_the_figure_and_the_stalled_deals()
    {
        var w = await ChatWorld.CreateAsync(browser.App);
        var page = await browser.SignInAsync(w.Owner.Email, "/assistant", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "assistant", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=assistant-thread][data-live=true]")).ToHaveCountAsync(1);
            await page.Locator("input[data-testid=assistant-input]").FillAsync(ChatWorld.InstagramOctober);
            await page.Locator("[data-testid=assistant-send]").ClickAsync();

            var answer = page.Locator("[data-testid=assistant-answer]").Last;
            await Assertions.Expect(answer.Locator("[data-testid=assistant-figure-value]")).ToHaveTextAsync(["2", "R$ 12.000,00"]);
            await Assertions.Expect(answer.Locator("[data-testid=assistant-answer-text]")).ToContainTextAsync("2 negócios ganhos");

            await page.Locator("input[data-testid=assistant-input]").FillAsync(ChatWorld.StalledOver10k);
            await page.Locator("input[data-testid=assistant-input]").PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=assistant-answer]")).ToHaveCountAsync(2);
            var leads = page.Locator("[data-testid=assistant-answer]").Last.Locator("[data-testid=assistant-lead] a");
            await Assertions.Expect(leads).ToHaveTextAsync(["O2 Grande parado do rep", "O1 Grande parado"]);
            await page.Locator("[data-testid=assistant-answer]").Last.Locator("[data-testid=assistant-query]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=assistant-query-text]").Last).ToContainTextAsync("deal_list(");
            await BrowserApp.ScreenshotAsync(page, "assistant");

            await leads.First.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/leads/[0-9a-f-]{36}$"));
        });
    }
}
