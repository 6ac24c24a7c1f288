using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>A manager configures pipelines in the browser, with the real mouse and keyboard; an open board follows at once.</summary>
public sealed class PipelineSettingsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_reorders_stages_by_drag_and_by_keyboard_fixes_an_edit_the_page_refused_and_an_open_board_follows()
    {
        var owner = await browser.App.RegisterAsync("Funis da Olivia");
        var manager = await owner.AddMemberAsync("manager");
        var stages = await owner.StagesAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Lead em Contato", stage_id = stages["Contato"] }))["id"]!;
        var board = await browser.SignInAsync(owner.Email, "/pipeline");
        var page = await browser.SignInAsync(manager.Email, "/settings/pipelines");
        await BrowserApp.CaptureOnFailureAsync([page, board], "pipeline-settings", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=nav-pipelines]")).ToBeVisibleAsync();
            await Assertions.Expect(Row(page, "Contato").Locator("[data-testid=stage-leads]")).ToHaveTextAsync("1");
            await BrowserApp.ScreenshotAsync(page, "pipeline-settings");

            // Drag "Proposta" by its handle onto "Contato": it takes Contato's place.
            await DragAsync(page, Row(page, "Proposta").Locator("[data-testid=stage-handle]"), Row(page, "Contato"));
            await ExpectOrderAsync(owner, "Novo", "Proposta", "Contato", "Qualificado", "Negociação", "Ganho", "Perdido");
            await ExpectRowsAsync(page, "Novo", "Proposta", "Contato", "Qualificado", "Negociação", "Ganho", "Perdido");

            // The keyboard alternative: focus a row's "move down" button and press Enter.
            await Row(page, "Novo").Locator("[data-testid=stage-down]").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await ExpectOrderAsync(owner, "Proposta", "Novo", "Contato", "Qualificado", "Negociação", "Ganho", "Perdido");

            // An edit the service refuses keeps the row as typed and says why under the field.
            var qualified = Row(page, "Qualificado");
            await qualified.Locator("input[data-testid=stage-probability]").FillAsync("150");
            await qualified.Locator("[data-testid=stage-save]").ClickAsync();
            await Assertions.Expect(qualified).ToContainTextAsync("Enter 0 to 100.");
            await Assertions.Expect(qualified.Locator("input[data-testid=stage-probability]")).ToHaveValueAsync("150");
            await qualified.Locator("input[data-testid=stage-probability]").FillAsync("45");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(qualified).Not.ToContainTextAsync("Enter 0 to 100.");
            await Eventually.TrueAsync(async () => (await StageAsync(owner, "Qualificado"))?["probability"]?.GetValue<int>() == 45);

            // A rename reaches the owner's open board without a reload.
            await board.EvaluateAsync("() => window.__openSince = 'before'");
            var contact = Row(page, "Contato");
            await contact.Locator("input[data-testid=stage-name]").FillAsync("Primeiro contato");
            await contact.Locator("[data-testid=stage-save]").ClickAsync();
            await Assertions.Expect(board.Locator("[data-testid='column-Primeiro contato']").Locator($"[data-testid=card-{lead}]")).ToBeVisibleAsync();
            Assert.Equal("before", await board.EvaluateAsync<string>("() => window.__openSince"));

            // Deleting a stage with a lead asks where the lead goes (the stage before it), and moves it.
            await Row(page, "Primeiro contato").Locator("[data-testid=stage-delete]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=delete-stage-leads]")).ToContainTextAsync("1 lead");
            await page.ClickAsync("[data-testid=delete-stage-confirm]");
            await ExpectRowsAsync(page, "Proposta", "Novo", "Qualificado", "Negociação", "Ganho", "Perdido");
            Assert.Equal(stages["Novo"], (string?)(await owner.GetJsonAsync($"/api/v1/leads/{lead}"))["stage_id"]);
            await Assertions.Expect(board.Locator("[data-testid='column-Novo']").Locator($"[data-testid=card-{lead}]")).ToBeVisibleAsync();

            // A second pipeline, with the default stages, shown at once.
            await page.Locator("input[data-testid=pipeline-new-name]").FillAsync("Pós-venda");
            await page.ClickAsync("[data-testid=pipeline-create]");
            await Assertions.Expect(page.Locator("input[data-testid=pipeline-name]")).ToHaveValueAsync("Pós-venda");
            await ExpectRowsAsync(page, "Novo", "Contato", "Qualificado", "Proposta", "Negociação", "Ganho", "Perdido");
            var pipelines = await owner.GetJsonAsync("/api/v1/pipelines");
            Assert.Equal(["Funil de vendas", "Pós-venda"], pipelines["items"]!.AsArray().Select(p => (string?)p!["name"]));
        });
    }

    [Fact]
    public async Task A_sales_rep_is_not_offered_the_pipelines_settings_and_the_page_refuses_them()
    {
        var owner = await browser.App.RegisterAsync("Funis do Rafael");
        var rep = await owner.AddMemberAsync("sales_rep");
        var page = await browser.SignInAsync(rep.Email, "/");
        await BrowserApp.CaptureOnFailureAsync(page, "pipeline-settings-rep", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=nav-pipeline]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=nav-pipelines]")).ToHaveCountAsync(0);
            await page.GotoAsync("/settings/pipelines");
            await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=stage-list]")).ToHaveCountAsync(0);
        });
    }

    private static ILocator Row(IPage page, string stage) => page.Locator($"[data-testid='stage-row-{stage}']");

    /// <summary>Presses the mouse on <paramref name="handle"/>, moves in steps to the middle of <paramref name="target"/> and releases it there.</summary>
    private static async Task DragAsync(IPage page, ILocator handle, ILocator target)
    {
        var from = (await handle.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 - 8, new MouseMoveOptions { Steps = 4 });
        await page.Mouse.MoveAsync(to.X + to.Width / 3, to.Y + to.Height / 2, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The page's stage rows show these names, in this order (soon).</summary>
    private static Task ExpectRowsAsync(IPage page, params string[] names) => Eventually.TrueAsync(async () =>
        (await page.Locator("[data-testid=stage-list] input[data-testid=stage-name]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")).SequenceEqual(names));

    /// <summary>The stored order of the first pipeline's stages is this one (soon).</summary>
    private static Task ExpectOrderAsync(Session owner, params string[] names) => Eventually.TrueAsync(async () =>
        (await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["stages"]!.AsArray().Select(s => (string?)s!["name"]).SequenceEqual(names));

    private static async Task<System.Text.Json.Nodes.JsonNode?> StageAsync(Session owner, string name) =>
        (await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["stages"]!.AsArray().FirstOrDefault(s => (string?)s!["name"] == name);
}
