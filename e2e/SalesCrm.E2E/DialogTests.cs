using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>Escape cancels a dialog exactly as its Cancel button does: nothing happens.</summary>
public sealed class DialogTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Escape_cancels_the_lost_reason_dialog_on_the_board_and_on_the_lead_page()
    {
        var owner = await browser.App.RegisterAsync("Diálogos Perdidos");
        var stages = await owner.StagesAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Quase Perdida", stage_id = stages["Novo"] }))["id"]!;
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "dialog-escape-lost", async () =>
        {
            var dialog = page.Locator("[data-testid=lost-reason-dialog]");
            await page.Locator($"[data-testid=card-{id}] [data-testid=card-menu] button").ClickAsync();
            await page.ClickAsync("[data-testid='move-to-Perdido']");
            await EscapeAsync(page, dialog);
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator($"[data-testid='column-Novo'] [data-testid=card-{id}]")).ToBeVisibleAsync();

            await page.GotoAsync($"/leads/{id}");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid='step-Perdido']");
            await EscapeAsync(page, dialog);
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            var lead = await owner.GetJsonAsync($"/api/v1/leads/{id}");
            Assert.Equal("open", (string?)lead["status"]);
            Assert.Equal(stages["Novo"], (string?)lead["stage_id"]);
        });
    }

    [Fact]
    public async Task Escape_cancels_a_confirmation()
    {
        var owner = await browser.App.RegisterAsync("Diálogos Confirmar");
        await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Zapier", scopes = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, "/settings/api-keys");
        await BrowserApp.CaptureOnFailureAsync(page, "dialog-escape-confirm", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            var box = page.GetByRole(AriaRole.Dialog);
            await EscapeAsync(page, box);
            await Assertions.Expect(box).ToHaveCountAsync(0);
            var keys = await owner.GetJsonAsync("/api/v1/api-keys");
            Assert.True((bool)keys["items"]![0]!["active"]!);
        });
    }

    /// <summary>Presses Escape once the dialog is open and has taken the focus (as a person sees it and reaches for the key).</summary>
    private static async Task EscapeAsync(IPage page, ILocator dialog)
    {
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog-container') != null");
        await page.Keyboard.PressAsync("Escape");
    }
}
