using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class WorkflowTemplatesJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static ILocator Node(IPage page, string id) => page.Locator($"[data-testid=wf-node][data-node-id='{id}']");

    [Fact]
    public async Task Criar_a_partir_de_modelo_opens_the_designer_with_the_qualification_templates_nodes_and_no_problems()
    {
        var owner = await browser.App.RegisterAsync("Modelos Ltda");
        var page = await browser.SignInAsync(owner.Email, "/workflows", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-templates", async () =>
        {
            await page.Locator("[data-testid=wf-from-template]").ClickAsync();
            var cards = page.Locator("[data-testid=wf-template-card]");
            await Assertions.Expect(cards).ToHaveCountAsync(5);
            var qualification = page.Locator("[data-testid=wf-template-card][data-template-id=whatsapp-qualification]");
            await Assertions.Expect(qualification).ToContainTextAsync("Qualificação WhatsApp");
            await Assertions.Expect(qualification).ToContainTextAsync("11 passos");

            await qualification.Locator("[data-testid=wf-template-use]").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/workflows/[0-9a-f-]{36}$"));
            await BrowserApp.WaitForCircuitAsync(page);

            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(11);
            foreach (var id in new[] { "start", "nome", "cidade", "caixas", "prazo", "orcamento", "qualificado", "vendedor" })
                await Assertions.Expect(Node(page, id)).ToBeVisibleAsync();
            await Assertions.Expect(Node(page, "qualificado")).ToContainTextAsync("Qualificado");
            await Assertions.Expect(page.Locator("[data-testid=wf-node-badge]")).ToHaveCountAsync(0);
            // The designer folds the menu away for its canvas, and the template opens whole at a zoom its text reads at.
            await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=wf-fit]").ClickAsync();
            await Assertions.Expect(Node(page, "vendedor")).ToBeInViewportAsync();
            var zoom = await Node(page, "nome").EvaluateAsync<double>("e => e.getBoundingClientRect().width / e.offsetWidth");
            Assert.True(zoom >= 0.55, $"the template opened at zoom {zoom:0.00}");
            await BrowserApp.ScreenshotAsync(page.Locator("[data-testid=wf-canvas]"), "workflow-template-qualification");

            // Back on the list the menu is there again.
            await page.Locator("[role=main] a[href='/workflows']").First.ClickAsync(); // the designer's back arrow
            await page.WaitForURLAsync("**/workflows");
            await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);
        });
    }
}
