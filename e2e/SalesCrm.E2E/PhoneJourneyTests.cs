using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class PhoneJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Phones_show_in_the_national_format_and_an_unreadable_phone_shows_its_text_with_a_warning()
    {
        var owner = await browser.App.RegisterAsync("Fones Curitiba");
        var mobile = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Rafaela Curitiba", phone = "554188776655" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("+5541988776655", (string?)mobile["phone"]);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("name;phone\nSérgio Sem Fone;não tenho\n")), "file", "leads.csv" } };
        var report = await (await owner.Client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(report["warnings"]!.AsArray());
        var raw = (await (await owner.Client.GetAsync("/api/v1/leads?phone_raw=not.is.null")).ExpectAsync(HttpStatusCode.OK))["items"]![0]!;

        var page = await browser.SignInAsync(owner.Email, "/leads");
        await BrowserApp.CaptureOnFailureAsync(page, "phones", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            await Assertions.Expect(grid.Locator("tr", new() { HasText = "Rafaela Curitiba" })).ToContainTextAsync("(41) 98877-6655");
            await Assertions.Expect(grid.Locator("tr", new() { HasText = "Sérgio Sem Fone" })).ToContainTextAsync("não tenho");

            await page.GotoAsync($"/leads/{mobile["id"]}");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("input[data-testid=lead-phone], [data-testid=lead-phone] input").First).ToHaveValueAsync("(41) 98877-6655");

            await page.GotoAsync($"/leads/{raw["id"]}");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=lead-phone-raw]")).ToContainTextAsync("não tenho");
        });
    }
}
