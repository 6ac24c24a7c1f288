using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;

namespace SalesCrm.E2E;

/// <summary>A rep takes a quiz on the knowledge base from the leaderboard page, sees the score, and the points in the ranking.</summary>
public sealed class QuizJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_rep_takes_a_quiz_sees_the_score_and_the_points_on_the_leaderboard()
    {
        var owner = await browser.App.RegisterAsync("Treino");
        var rep = await owner.AddMemberAsync("sales_rep");
        var doc = await owner.CreateDocumentAsync("Objeções", "Quando o cliente diz que está caro, mostre o valor antes do preço.");
        await (await owner.Client.PostAsJsonAsync("/api/v1/quizzes", new
        {
            document_id = (string)doc["id"]!, title = "Objeções de preço",
            questions = new object[]
            {
                new { text = "O que mostrar antes do preço?", options = new[] { "O desconto", "O valor" }, correct = 1 },
                new { text = "Quem define o orçamento?", options = new[] { "O cliente", "O vendedor" }, correct = 0 },
            },
        })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(rep.Email, "/leaderboard");
        await BrowserApp.CaptureOnFailureAsync(page, "quiz", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Quizzes" }).ClickAsync();
            await page.ClickAsync("[data-testid=quiz-take]");
            var questions = page.Locator("[data-testid=quiz-question]");
            await questions.Nth(0).Locator("[data-testid=quiz-option]").Nth(1).ClickAsync();
            await questions.Nth(1).Locator("[data-testid=quiz-option]").Nth(0).ClickAsync();
            await page.ClickAsync("[data-testid=quiz-submit]");
            await Assertions.Expect(page.Locator("[data-testid=quiz-result]")).ToContainTextAsync("2 of 2 right. Passed: +10 points.", new() { Timeout = 20_000 });
            await BrowserApp.ScreenshotAsync(page, "quiz-result");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Ranking" }).ClickAsync();
            var me = page.Locator("[data-testid=leaderboard-row][data-me=true]");
            // quiz.completed earns its 10 points once the outbox has scored it; the page refreshes live.
            await Assertions.Expect(me.Locator("[data-testid=leaderboard-points]")).ToHaveTextAsync("10", new() { Timeout = 20_000 });
            await Assertions.Expect(me.Locator("[data-testid=leaderboard-rank]")).ToHaveTextAsync("1");
        });
        Assert.Equal(1, (int)(await owner.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/events?type=eq.quiz.completed"))!["total"]!);
    }
}
