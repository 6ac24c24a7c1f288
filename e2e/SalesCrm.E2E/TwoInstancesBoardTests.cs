using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class TwoInstancesBoardTests(TwoInstancesBrowserApp pair) : IClassFixture<TwoInstancesBrowserApp>
{
    [Fact]
    public async Task A_board_open_on_the_second_instance_shows_a_move_made_through_the_first_instances_API()
    {
        var owner = await pair.First.RegisterAsync("Imobiliária Duas Instâncias");
        var pipelines = await (await owner.Client.GetAsync("/api/v1/pipelines")).ExpectAsync(HttpStatusCode.OK);
        var stages = pipelines["items"]![0]!["stages"]!.AsArray();
        string StageId(string name) => (string)stages.First(s => (string?)s!["name"] == name)!["id"]!;
        var lead = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Carla Entre Instâncias", value = 2500, stage_id = StageId("Novo") })).ExpectAsync(HttpStatusCode.Created);
        var leadId = (string)lead["id"]!;

        var page = await pair.SignInAsync(pair.SecondUrl, owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "two-instances-board", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid='column-Novo']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync();

            await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{leadId}/stage", new { stage_id = StageId("Contato"), position = 0, expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);

            // The page never reloads: the move reaches the second instance over Redis.
            // A busy shared machine can take a few seconds; the default 5 s expectation is too tight there.
            await Assertions.Expect(page.Locator("[data-testid='column-Contato']").Locator($"[data-testid=card-{leadId}]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-testid='column-Novo']").Locator($"[data-testid=card-{leadId}]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        });
    }
}
