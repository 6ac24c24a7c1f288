using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>The audit log on a laptop screen: short words stay whole; only long values break to fit.</summary>
public sealed class AuditLogLayoutTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>Every word (between spaces and hyphens) of the cells outside the values column that spans two lines.</summary>
    private const string BrokenWords = """
        () => {
          const broken = [];
          for (const td of document.querySelectorAll('[data-testid=audit-table] tbody td:not(.wrap-anywhere)')) {
            const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              const words = /[^\s-]+/g;
              for (let m; (m = words.exec(node.data));) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                if (range.getClientRects().length > 1) broken.push(m[0]);
              }
            }
          }
          return broken;
        }
        """;

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("en")]
    public async Task At_1440_px_no_word_of_the_audit_log_breaks_and_long_values_wrap_inside_the_table(string culture)
    {
        var owner = await browser.App.RegisterAsync("Auditoria " + culture);
        var longEmail = string.Concat(Enumerable.Repeat("maria.eduarda", 8)) + "@restaurantesabormineiro.com.br";
        var lead = await owner.CreateLeadAsync(new { name = "Maria Eduarda Albuquerque", company = "Restaurante Sabor Mineiro", email = longEmail });
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead["id"]}", new { company = "Restaurante Sabor Mineiro e Nordestino", value = 14550 }))
            .ExpectAsync(HttpStatusCode.OK);
        var page = await browser.SignInAsync(owner.Email, "/settings/audit", culture);
        await page.SetViewportSizeAsync(1440, 900);
        await BrowserApp.CaptureOnFailureAsync(page, $"audit-words-{culture}", async () =>
        {
            var table = page.Locator("[data-testid=audit-table]");
            await Assertions.Expect(table.Locator("[data-testid=audit-action]").First).ToBeVisibleAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>(BrokenWords));
            var box = table.Locator(".mud-table-container");
            Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth <= b.clientWidth + 1"), "the audit table scrolls sideways");
        });
    }
}
