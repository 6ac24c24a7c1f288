using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>The lead list's pager past the count's cap: "last page" is the list's real last page.</summary>
public sealed class LeadListPagerTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Last_page_of_a_capped_total_counts_exactly_and_lands_on_the_real_last_page()
    {
        var owner = await browser.App.RegisterAsync("Paginação");
        var stageId = Guid.Parse((await owner.StagesAsync())["Novo"]);
        await using (var scope = browser.App.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var pipelineId = await db.Stages.IgnoreQueryFilters().Where(s => s.Id == stageId).Select(s => s.PipelineId).SingleAsync();
            var start = DateTime.UtcNow.AddDays(-1);
            db.Leads.AddRange(Enumerable.Range(0, 1_166).Select(i => new Lead
            {
                TenantId = owner.TenantId, Name = $"Volume {i:0000}", PipelineId = pipelineId, StageId = stageId, Position = i,
                StageEnteredAt = start, CreatedAt = start.AddSeconds(i), UpdatedAt = start,
            }));
            await db.SaveChangesAsync();
        }
        var page = await browser.SignInAsync(owner.Email, "/leads", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "lead-list-last-page", async () =>
        {
            var pager = page.Locator("[data-testid=lead-grid] .mud-table-pagination");
            await Assertions.Expect(pager).ToContainTextAsync("1-25 de mais de 1.000");
            // The pager's last button, with the mouse.
            var last = pager.Locator(".mud-table-pagination-actions button").Last;
            await last.HoverAsync();
            await page.Mouse.DownAsync();
            await page.Mouse.UpAsync();
            await Assertions.Expect(pager).ToContainTextAsync("1.151-1.166 de 1.166");
            // The oldest lead comes last (newest first).
            await Assertions.Expect(page.Locator("[data-testid=lead-grid] tbody")).ToContainTextAsync("Volume 0000");
            await Assertions.Expect(last).ToBeDisabledAsync();
        });
    }
}
