using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Gamification;

/// <summary>Points from the event log by the default rules, replay, missions and quizzes, on both providers.</summary>
public abstract class GamificationApiTests(CrmAppFactory app)
{
    private static async Task<Guid> QuizAsync(Session manager, string title = "Objeções")
    {
        var doc = await manager.CreateDocumentAsync(title, "Quando o cliente diz que está caro, mostre o valor antes do preço. Pergunte qual orçamento o cliente imagina para o projeto.");
        var quiz = await (await manager.Client.PostAsJsonAsync("/api/v1/quizzes", new
        {
            document_id = (string)doc["id"]!, title,
            questions = new object[] { new { text = "O que mostrar antes do preço?", options = new[] { "O valor", "O desconto" }, correct = 0 } },
        })).ExpectAsync(HttpStatusCode.Created);
        Assert.Null(quiz["questions"]![0]!["correct"]);
        return Guid.Parse((string)quiz["id"]!);
    }

    [Fact]
    public async Task Every_default_rule_earns_its_points_from_the_event_it_scores()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var stages = await owner.StagesAsync();
        var lead = await rep.OwnLeadAsync();
        await rep.LogAsync(lead, "call"); // call.completed, and the first contact answered at once: fast_reply
        await rep.LogAsync(lead, "visit");
        await rep.LogAsync(lead, "meeting");
        await rep.LogAsync(lead, "note"); // no rule
        await (await rep.Client.PostAsJsonAsync("/api/v1/events", new { type = "proposal.sent", payload = new { lead_id = lead, value = 1000 } })).ExpectAsync(HttpStatusCode.Created);
        await (await rep.Client.PatchAsJsonAsync($"/api/v1/leads/{lead}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);
        await (await rep.CheckInAsync(lead)).ExpectAsync(HttpStatusCode.Created);
        var quiz = await QuizAsync(owner);
        var result = await (await rep.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 0 } })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)result["passed"]!);

        var points = await owner.PointsReachAsync(rep.UserId, 108);
        Assert.Equal(new Dictionary<string, long>
        {
            ["call.completed"] = 5, ["fast_reply"] = 5, ["visit.completed"] = 10, ["meeting.completed"] = 8, ["proposal.sent"] = 15,
            ["deal.won"] = 50, ["checkin.created"] = 5, ["quiz.completed"] = 10,
        }, points);
        // The owner did nothing that scores.
        Assert.Empty(await owner.PointsByRuleAsync(owner.UserId));
    }

    [Fact]
    public async Task Replaying_the_event_log_twice_gives_identical_scores_and_uses_the_rules_of_today()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var lead = await rep.OwnLeadAsync();
        await rep.LogAsync(lead, "call");
        await rep.LogAsync(lead, "visit");
        await rep.LogAsync(lead, "visit");
        await (await rep.CheckInAsync(lead)).ExpectAsync(HttpStatusCode.Created);
        await owner.PointsReachAsync(rep.UserId, 35);
        var before = (await owner.GetJsonAsync("/api/v1/gamification/scores")).ToJsonString();

        var first = await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before, (await owner.GetJsonAsync("/api/v1/gamification/scores")).ToJsonString());
        var second = await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(before, (await owner.GetJsonAsync("/api/v1/gamification/scores")).ToJsonString());
        Assert.Equal(((int)first["awards"]!, (long)first["points"]!), ((int)second["awards"]!, (long)second["points"]!));
        Assert.Equal(35, (long)second["points"]!);

        // A replay really recomputes: with visits worth 20 the past visits are worth 20.
        await (await owner.Client.PutAsJsonAsync("/api/v1/gamification/rules", new { items = new[] { new { key = "visit.completed", points = 20 } } })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(40, (await owner.PointsByRuleAsync(rep.UserId))["visit.completed"]);
        // Reps neither change rules nor replay.
        await (await rep.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PutAsJsonAsync("/api/v1/gamification/rules", new { items = new[] { new { key = "visit.completed", points = 999 } } }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var bad = await (await owner.Client.PutAsJsonAsync("/api/v1/gamification/rules", new { items = new object[] { new { key = "lunch", points = 5 }, new { key = "fast_reply", threshold_minutes = 0 } } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["items[0].key"]);
        Assert.NotNull(bad["errors"]!["items[1].threshold_minutes"]);
    }

    [Fact]
    public async Task A_mission_completes_once_per_rep_and_period_with_one_event_and_its_reward()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var mission = await (await owner.Client.PostAsJsonAsync("/api/v1/gamification/missions",
            new { title = "2 visitas esta semana", rule_key = "visit.completed", target = 2, period = "week", points = 30 })).ExpectAsync(HttpStatusCode.Created);
        var lead = await rep.OwnLeadAsync();
        await rep.LogAsync(lead, "visit");
        var card = await Eventually.GetAsync(rep, "/api/v1/gamification/me", c => (long)c["points_this_week"]! >= 10);
        Assert.Equal((1, 2, false), ((int)card["missions"]![0]!["progress"]!, (int)card["missions"]![0]!["target"]!, (bool)card["missions"]![0]!["completed"]!));
        await rep.LogAsync(lead, "visit");
        await rep.LogAsync(lead, "visit");

        var points = await owner.PointsReachAsync(rep.UserId, 60);
        Assert.Equal(30, points["mission.completed"]);
        card = await rep.GetJsonAsync("/api/v1/gamification/me");
        Assert.Equal((2, true, 1), ((int)card["missions"]![0]!["progress"]!, (bool)card["missions"]![0]!["completed"]!, (int)card["rank"]!));
        var progress = (await owner.GetJsonAsync($"/api/v1/gamification/missions/{(string)mission["id"]!}/progress"))["items"]!.AsArray();
        Assert.Equal([(rep.UserId.ToString(), 2, true), (owner.UserId.ToString(), 0, false)],
            progress.Select(r => ((string)r!["user_id"]!, (int)r["progress"]!, (bool)r["completed"]!)));
        Assert.Equal([rep.UserId.ToString()], (await rep.GetJsonAsync($"/api/v1/gamification/missions/{(string)mission["id"]!}/progress"))["items"]!.AsArray().Select(r => (string)r!["user_id"]!));
        await (await (await app.RegisterAsync()).Client.GetAsync($"/api/v1/gamification/missions/{(string)mission["id"]!}/progress")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        var events = await owner.GetJsonAsync("/api/v1/events?type=eq.mission.completed");
        Assert.Equal(1, (int)events["total"]!);
        Assert.Equal((string)mission["id"]!, (string)events["items"]![0]!["payload"]!["mission_id"]!);
        Assert.Equal(rep.UserId.ToString(), (string)events["items"]![0]!["payload"]!["user_id"]!);
        Assert.Equal(30, (await owner.PointsByRuleAsync(rep.UserId))["mission.completed"]);

        await (await rep.Client.PostAsJsonAsync("/api/v1/gamification/missions", new { title = "x", rule_key = "visit.completed", target = 1 })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/gamification/missions", new { title = "", rule_key = "naps", target = 0, period = "decade" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["period", "rule_key", "target", "title"], bad["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_quiz_is_completed_once_and_only_a_pass_earns_points()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var other = await owner.AddMemberAsync("sales_rep");
        var quiz = await QuizAsync(owner);
        var failed = await (await rep.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 1 } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1, false), ((int)failed["correct"]!, (int)failed["total"]!, (bool)failed["passed"]!));
        await (await rep.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 0 } })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await other.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 0, 1 } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await other.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 0 } })).ExpectAsync(HttpStatusCode.OK);

        await owner.PointsReachAsync(other.UserId, 10);
        var events = await owner.GetJsonAsync("/api/v1/events?type=eq.quiz.completed");
        Assert.Equal(2, (int)events["total"]!);
        Assert.Empty(await owner.PointsByRuleAsync(rep.UserId));
        Assert.True((bool)(await rep.GetJsonAsync("/api/v1/quizzes"))["items"]![0]!["completed"]!);

        // Questions generated from the document's text when none are attached; another workspace cannot see or answer the quiz.
        var doc = await owner.CreateDocumentAsync("Roteiro", "Sempre confirme o horário da visita com antecedência. Apresente a proposta comercial depois da demonstração completa.");
        var generated = await (await owner.Client.PostAsJsonAsync("/api/v1/quizzes", new { document_id = (string)doc["id"]! })).ExpectAsync(HttpStatusCode.Created);
        Assert.NotEmpty(generated["questions"]!.AsArray());
        Assert.All(generated["questions"]!.AsArray(), q => Assert.Contains("_____", (string)q!["text"]!));
        var stranger = await app.RegisterAsync();
        Assert.Empty((await stranger.GetJsonAsync("/api/v1/quizzes"))["items"]!.AsArray());
        await (await stranger.Client.PostAsJsonAsync($"/api/v1/quizzes/{quiz}/answers", new { answers = new[] { 0 } })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.PostAsJsonAsync("/api/v1/quizzes", new { document_id = (string)doc["id"]! })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}

public sealed class GamificationApiTestsOnSqlite(SqliteApp app) : GamificationApiTests(app), IClassFixture<SqliteApp>;

public sealed class GamificationApiTestsOnPostgres(PostgresApp app) : GamificationApiTests(app), IClassFixture<PostgresApp>;
