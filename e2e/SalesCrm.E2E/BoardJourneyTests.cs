using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class BoardJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_card_dragged_by_one_user_moves_on_a_colleagues_open_board_and_a_note_reaches_the_timeline()
    {
        var owner = await browser.App.RegisterAsync("Imobiliária Quadro");
        var colleague = await owner.AddMemberAsync("manager");
        var pipelines = await (await owner.Client.GetAsync("/api/v1/pipelines")).ExpectAsync(HttpStatusCode.OK);
        var stages = pipelines["items"]![0]!["stages"]!.AsArray();
        string StageId(string name) => (string)stages.First(s => (string?)s!["name"] == name)!["id"]!;
        var lead = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Carla Arrastada", phone = "+5511987650001", value = 2500, stage_id = StageId("Novo") }))
            .ExpectAsync(HttpStatusCode.Created);
        var leadId = (string)lead["id"]!;
        for (var i = 0; i < 6; i++)
            await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = $"Lead {i}", value = 1000 * (i + 1), stage_id = StageId(i % 2 == 0 ? "Novo" : "Proposta"), tags = new[] { "vip" } })).ExpectAsync(HttpStatusCode.Created);

        var pageA = await browser.NewPageAsync();
        var pageB = await browser.NewPageAsync();
        await BrowserApp.CaptureOnFailureAsync([pageA, pageB], "board", async () =>
        {
            await SignInAsync(pageA, owner.Email, "/pipeline");
            await SignInAsync(pageB, colleague.Email, "/pipeline");
            var cardOnB = pageB.Locator($"[data-testid=card-{leadId}]");
            await Assertions.Expect(pageB.Locator("[data-testid='column-Novo']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync();
            await Assertions.Expect(pageA.Locator("[data-testid='column-header-Novo'] [data-testid=column-count]")).ToHaveTextAsync("4");
            await BrowserApp.ScreenshotAsync(pageA, "pipeline");

            await pageA.Locator($"[data-testid=card-{leadId}]").DragToAsync(pageA.Locator("[data-testid='zone-Contato']"));
            await Assertions.Expect(pageA.Locator("[data-testid='column-Contato']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync();

            // B never reloads: the move arrives over the live connection.
            await Assertions.Expect(pageB.Locator("[data-testid='column-Contato']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync();
            await Assertions.Expect(pageB.Locator("[data-testid='column-Novo']").Locator($"[data-testid=card-{leadId}]")).ToHaveCountAsync(0);
            await Assertions.Expect(pageB.Locator("[data-testid='column-header-Contato'] [data-testid=column-count]")).ToHaveTextAsync("1");

            var stored = await (await owner.Client.GetAsync($"/api/v1/leads/{leadId}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(StageId("Contato"), (string?)stored["stage_id"]);

            // The keyboard alternative: the card menu moves it on.
            await pageA.Locator($"[data-testid=card-{leadId}] [data-testid=card-menu] button").ClickAsync();
            await pageA.ClickAsync("[data-testid='move-to-Qualificado']");
            await Assertions.Expect(pageB.Locator("[data-testid='column-Qualificado']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync();

            // A adds a note on the lead page; it appears in the timeline (and on B's open lead page).
            await pageB.GotoAsync($"/leads/{leadId}");
            await BrowserApp.WaitForCircuitAsync(pageB);
            await pageA.Locator($"[data-testid=card-{leadId}] [data-testid=card-name]").ClickAsync();
            await BrowserApp.WaitForCircuitAsync(pageA);
            await Assertions.Expect(pageA.Locator("[data-testid=timeline]")).ToContainTextAsync("Novo → Contato");
            await pageA.Locator("[data-testid=interaction-text]").FillAsync("Cliente pediu visita no sábado.");
            await pageA.ClickAsync("[data-testid=interaction-add]");
            await Assertions.Expect(pageA.Locator("[data-testid=timeline-text]").First).ToHaveTextAsync("Cliente pediu visita no sábado.");
            await Assertions.Expect(pageB.Locator("[data-testid=timeline]")).ToContainTextAsync("Cliente pediu visita no sábado.");
            await BrowserApp.ScreenshotAsync(pageA, "lead");

            // A photo attachment is uploaded and previewed, served with the user's cookie.
            await pageA.Locator("[data-testid=interaction-type]").ClickAsync();
            await pageA.GetByRole(AriaRole.Option, new() { Name = "Photo" }).ClickAsync();
            await pageA.Locator("[data-testid=interaction-files]").SetInputFilesAsync(new FilePayload { Name = "fachada.png", MimeType = "image/png", Buffer = OnePixelPng });
            await pageA.Locator("[data-testid=interaction-text]").FillAsync("Foto da fachada");
            await pageA.ClickAsync("[data-testid=interaction-add]");
            var image = pageA.Locator("[data-testid=attachment-image]");
            await Assertions.Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);

            // Losing the deal from the stage stepper asks why.
            await pageA.ClickAsync("[data-testid='step-Perdido']");
            await pageA.Locator("[data-testid=lost-reason-text]").FillAsync("Escolheu a concorrência");
            await pageA.ClickAsync("[data-testid=lost-reason-confirm]");
            await Assertions.Expect(pageA.Locator("[data-testid=timeline]")).ToContainTextAsync("Qualificado → Perdido: Escolheu a concorrência");
            var lost = await (await owner.Client.GetAsync($"/api/v1/leads/{leadId}")).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("lost", (string?)lost["status"]);
        });
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task SignInAsync(IPage page, string email, string returnUrl)
    {
        await page.GotoAsync($"/account/login?return_url={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Api.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + returnUrl);
        await BrowserApp.WaitForCircuitAsync(page);
    }
}
