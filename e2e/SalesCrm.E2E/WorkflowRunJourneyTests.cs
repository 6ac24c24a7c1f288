using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.E2E;

public sealed class WorkflowRunJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_runs_a_manual_automation_from_the_lead_page_sees_it_complete_and_opens_the_run_with_its_path_highlighted()
    {
        var owner = await browser.App.RegisterAsync("Execuções Ltda");
        await owner.PublishAsync(Graph(
            [
                Node("start", "trigger", new { kind = "manual" }, 0, 90),
                Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 }, Spacing, 90),
                Node("hot", "add_tag", new { tag = "quente" }, 2 * Spacing, 0),
                Node("cold", "add_tag", new { tag = "frio" }, 2 * Spacing, 180),
            ],
            [Edge("start", "big"), Edge("big", "hot", "true"), Edge("big", "cold", "false")]), "Classificar por valor");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Rafaela Grande", value = 5000 }))["id"]!;

        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-run", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            var section = page.Locator("[data-testid=lead-runs]");
            await Assertions.Expect(section.Locator("[data-testid=lead-runs-empty]")).ToBeVisibleAsync();
            await section.Locator("[data-testid=lead-run-workflow]").ClickAsync();
            var option = page.Locator("[data-testid=run-workflow-option]");
            await Assertions.Expect(option).ToHaveCountAsync(1);
            await Assertions.Expect(option).ToContainTextAsync("Classificar por valor");
            await option.Locator("[data-testid=run-workflow-start]").ClickAsync();

            // The run shows on the lead page as it goes, and ends completed.
            var run = section.Locator("[data-testid=lead-run]");
            await Assertions.Expect(run).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
            await run.Locator("[data-testid=lead-run-link]").ClickAsync();

            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/workflow-runs/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("[data-testid=run-title]")).ToHaveTextAsync("Execução de Classificar por valor");
            await Assertions.Expect(page.Locator("[data-testid=run-node]")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("[data-testid=run-node].taken")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("[data-testid=run-node][data-node-id=hot]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("taken status-completed"));
            await Assertions.Expect(page.Locator("[data-testid=run-node][data-node-id=cold]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("skipped"));
            await Assertions.Expect(page.Locator("[data-testid=run-step]")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0); // the graph gets the menu's width
            // The links taken are drawn thick and green, the other thin.
            await Assertions.Expect(page.Locator(".diagram-link path[stroke='#2e7d32']").First).ToBeAttachedAsync();

            // Clicking a node narrows the side panel to its steps.
            await page.Locator("[data-testid=run-node][data-node-id=big] .wf-node-head").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=run-selected]")).ToHaveTextAsync("big");
            await Assertions.Expect(page.Locator("[data-testid=run-step]")).ToHaveCountAsync(1);
            await BrowserApp.ScreenshotAsync(page, "workflow-run");
        });
    }
}
