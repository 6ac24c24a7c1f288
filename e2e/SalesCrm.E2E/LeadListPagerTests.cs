using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>The lead list across pipelines and past the count's cap: stages named with their pipeline, "last page" the real one.</summary>
public sealed class LeadListPagerTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task With_two_pipelines_stages_are_named_with_their_pipeline_in_the_filter_the_column_and_the_bulk_move()
    {
        var owner = await browser.App.RegisterAsync("Dois funis");
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = "Pós-venda", stages = new object[] { new { name = "Novo" }, new { name = "Ativo", kind = "won" } } }))
            .ExpectAsync(HttpStatusCode.Created);
        var after = (string)(await owner.GetJsonAsync($"/api/v1/pipelines/{created["id"]}/stages"))["items"]!.AsArray().First(s => (string?)s!["name"] == "Novo")!["id"]!;
        await owner.CreateLeadAsync(new { name = "Cliente Antigo", pipeline_id = (string)created["id"]!, stage_id = after });
        await owner.CreateLeadAsync(new { name = "Cliente Novo" });
        var page = await browser.SignInAsync(owner.Email, "/leads", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "lead-list-two-pipelines", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            await Assertions.Expect(grid.Locator("tbody tr", new() { HasText = "Cliente Antigo" })).ToContainTextAsync("Pós-venda · Novo");
            await Assertions.Expect(grid.Locator("tbody tr", new() { HasText = "Cliente Novo" })).ToContainTextAsync("Funil de vendas · Novo");
            await page.Locator("[data-testid=filter-stage]").ClickAsync();
            var items = page.Locator(".mud-popover-open .mud-list-item");
            await Assertions.Expect(items.Filter(new() { HasText = "Pós-venda · Novo" })).ToHaveCountAsync(1);
            await Assertions.Expect(items.Filter(new() { HasText = "Funil de vendas · Novo" })).ToHaveCountAsync(1);
            await items.Filter(new() { HasText = "Pós-venda · Novo" }).ClickAsync();
            await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(grid).ToContainTextAsync("Cliente Antigo");
        });
    }

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
