using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>A rep checks in at a lead from the browser (Geolocation API) and sees the points on the leaderboard.</summary>
public sealed class CheckInJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_rep_checks_in_at_a_lead_with_the_browsers_position_and_sees_the_points_on_the_leaderboard()
    {
        var owner = await browser.App.RegisterAsync("Campo");
        var rep = await owner.AddMemberAsync("sales_rep");
        var lead = (string)(await rep.CreateLeadAsync(new { name = "Mercado Central", owner_id = rep.UserId }))["id"]!;
        var page = await browser.SignInAsync(rep.Email, $"/leads/{lead}");
        await BrowserApp.CaptureOnFailureAsync(page, "checkin", async () =>
        {
            // Without permission the browser refuses, and the page says what to do.
            await page.ClickAsync("[data-testid=checkin-button]");
            await Assertions.Expect(page.Locator("[data-testid=checkin-error]")).ToContainTextAsync("Allow location", new() { Timeout = 20_000 });

            await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = browser.BaseUrl });
            await page.Context.SetGeolocationAsync(new Geolocation { Latitude = -23.5614f, Longitude = -46.6559f, Accuracy = 8 });
            await page.ClickAsync("[data-testid=checkin-button]");
            await Assertions.Expect(page.Locator("[data-testid=checkin-done]")).ToContainTextAsync("8 m");
            await Assertions.Expect(page.Locator("[data-testid=checkin-error]")).ToHaveCountAsync(0);
            await BrowserApp.ScreenshotAsync(page, "checkin-lead");

            var list = await (await rep.Client.GetAsync($"/api/v1/checkins?lead_id={lead}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(-23.5614, Math.Round((double)list["items"]![0]!["lat"]!, 4));
            Assert.Equal(-46.6559, Math.Round((double)list["items"]![0]!["long"]!, 4));

            await page.ClickAsync("[data-testid=nav-leaderboard]");
            await page.WaitForURLAsync(browser.BaseUrl + "/leaderboard");
            await BrowserApp.WaitForCircuitAsync(page);
            var me = page.Locator("[data-testid=leaderboard-row][data-me=true]");
            // The check-in earns its 5 points once the outbox has scored it; the page refreshes live.
            await Assertions.Expect(me.Locator("[data-testid=leaderboard-points]")).ToHaveTextAsync("5", new() { Timeout = 20_000 });
            await Assertions.Expect(me.Locator("[data-testid=leaderboard-rank]")).ToHaveTextAsync("1");
            await BrowserApp.ScreenshotAsync(page, "leaderboard");
        });
    }
}
