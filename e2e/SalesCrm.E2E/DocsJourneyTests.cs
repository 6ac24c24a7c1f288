using Microsoft.Playwright;

namespace SalesCrm.E2E;

/// <summary>The API reference works on a machine without internet: every request it makes goes to the app itself.</summary>
public sealed class DocsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_api_reference_renders_without_requesting_anything_outside_the_app()
    {
        var page = await browser.NewPageAsync();
        var outside = new List<string>();
        var app = new Uri(browser.BaseUrl);
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != app.Authority)
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync(); // as offline: a font host that never answers would stall the page
            }
            else await route.ContinueAsync();
        });
        await BrowserApp.CaptureOnFailureAsync(page, "docs", async () =>
        {
            await page.GotoAsync("/docs/", new() { WaitUntil = WaitUntilState.NetworkIdle });
            // Scalar renders the whole document (≈ 270 KB, 110 paths) in the browser before the introduction shows: on a
            // loaded 2-core CI machine that took longer than the default 5 s.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SalesCrm API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            // The list grammar is documented on a list, with its shared parameters.
            await page.GetByText("Leads", new() { Exact = true }).First.ClickAsync();
            await page.GetByText("List leads").First.ClickAsync();
            await Assertions.Expect(page.GetByText("Filterable and sortable fields").First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // Scalar's developer toolbar (deploy, generate SDK) and AI agent are not offered.
            await Assertions.Expect(page.GetByText("Generate SDK")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
            Assert.True(outside.Count == 0, "Requested outside the app: " + string.Join(", ", outside));
        });
    }
}
