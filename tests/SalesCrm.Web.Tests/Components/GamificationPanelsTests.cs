using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Features.Gamification;
using SalesCrm.Web.Tests.Gamification;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The leaderboard's tabs over the real services: the points table, missions, quizzes, and the check-in with note and photo.</summary>
public sealed class GamificationPanelsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Manager = [Capabilities.LeadsRead, Capabilities.LeadsWrite, Capabilities.PipelineManage, Capabilities.CopilotUse];
    private static readonly string[] Rep = [Capabilities.LeadsRead, Capabilities.LeadsWrite, Capabilities.CopilotUse];

    [Fact]
    public void Every_scoring_rule_and_mission_period_has_a_label_in_portuguese_and_english()
    {
        foreach (var culture in new[] { "pt-BR", "en" })
        {
            var l = ResourceLocalizer.For(culture);
            foreach (var rule in GameLabels.Rules) Assert.False(l[GameLabels.RuleKey(rule)].ResourceNotFound, $"{rule} has no {culture} label");
        }
        Assert.Equal("Resposta rápida", GameLabels.Rule(ResourceLocalizer.For("pt-BR"), "fast_reply"));
        Assert.Equal("Deal won", GameLabels.Rule(ResourceLocalizer.For("en"), "deal.won"));
        Assert.Equal("lunch", GameLabels.Rule(ResourceLocalizer.For("en"), "lunch"));
        Assert.Equal("Semana", SalesCrm.Web.Components.Shared.Labels.Of(ResourceLocalizer.For("pt-BR"), SalesCrm.Core.Gamification.MissionPeriod.Week));
    }

    [Fact]
    public async Task A_manager_changes_the_points_table_and_past_activities_are_rescored_by_the_new_one()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var lead = await rep.OwnLeadAsync();
        await rep.LogAsync(lead, "visit");
        await rep.LogAsync(lead, "visit");
        await owner.PointsReachAsync(rep.UserId, 20);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Manager);
            var cut = ctx.Render<PointRulesEditor>();
            cut.WaitForElement("[data-testid=rules-save]");
            Assert.Equal("Visita realizada", cut.Find("[data-key='visit.completed'] [data-testid=rule-name]").TextContent);
            Assert.Single(cut.FindAll("[data-testid=rule-threshold]")); // only fast_reply has a threshold

            cut.Find("[data-key='visit.completed'] input[data-testid=rule-points]").Input("5000");
            await cut.Find("[data-testid=rules-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Contains("Informe de 0 a 1000 pontos.", cut.Find("[data-key='visit.completed']").TextContent));
            Assert.Equal("Corrija os campos destacados.", Assert.Single(ctx.Snackbars()));

            cut.Find("[data-key='visit.completed'] input[data-testid=rule-points]").Input("12");
            cut.Find("[data-key='call.completed'] input[type=checkbox]").Change(false);
            await cut.Find("[data-testid=rules-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Contains(ctx.Snackbars(), s => s.StartsWith("Tabela salva; pontuação recalculada")));
            Assert.DoesNotContain("Informe de 0 a 1000", cut.Markup);
            return 0;
        });
        var rules = (await owner.GetJsonAsync("/api/v1/gamification/rules"))["items"]!.AsArray().ToDictionary(r => (string)r!["key"]!);
        Assert.Equal(12, (int)rules["visit.completed"]!["points"]!);
        Assert.False((bool)rules["call.completed"]!["enabled"]!);
        Assert.Equal(24, (await owner.PointsByRuleAsync(rep.UserId))["visit.completed"]); // the two past visits, replayed at 12
    }

    [Fact]
    public async Task The_mission_rule_picker_offers_only_rules_the_points_table_scores_and_the_mission_counts_the_rule_picked()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        await (await owner.Client.PutAsJsonAsync("/api/v1/gamification/rules", new { items = new[] { new { key = "call.completed", enabled = false } } })).ExpectAsync(HttpStatusCode.OK);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Manager);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForElement("[data-testid=missions-empty]");
            await cut.Find("[data-testid=mission-new]").ClickAsync(new());
            cut.WaitForElement("[data-testid=mission-form]");
            // Calls award nothing now: a mission counting them could never progress, so the picker leaves them out.
            Assert.Equal(GameLabels.Rules.Where(r => r != "call.completed"), cut.Instance.RuleChoices);
            var picker = cut.FindComponents<MudBlazor.MudSelect<string>>().Single();
            Assert.Equal("visit.completed", picker.Instance.Value);
            await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("deal.won"));
            cut.Find("input[data-testid=mission-title]").Input("3 negócios ganhos");
            cut.Find("input[data-testid=mission-target]").Input("3");
            await cut.Find("[data-testid=mission-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Equal("Negócio ganho × 3 · Semana · 20 pts", cut.Find("[data-testid=mission-detail]").TextContent));
            return 0;
        });
        var mission = (await owner.GetJsonAsync("/api/v1/gamification/missions"))["items"]![0]!;
        Assert.Equal(("deal.won", 3), ((string)mission["rule_key"]!, (int)mission["target"]!));
        // The API refuses the same: a new mission on a switched-off rule, or moving one onto it.
        var refused = await (await owner.Client.PostAsJsonAsync("/api/v1/gamification/missions", new { title = "5 ligações", rule_key = "call.completed", target = 5 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(refused["errors"]!["rule_key"]);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/gamification/missions/{mission["id"]}", new { rule_key = "call.completed" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        // Switched off after the mission was made: editing it still shows what it counts, marked off, and keeps it.
        await (await owner.Client.PutAsJsonAsync("/api/v1/gamification/rules", new { items = new[] { new { key = "deal.won", enabled = false } } })).ExpectAsync(HttpStatusCode.OK);
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Manager);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForElement("[data-testid=mission-edit]");
            await cut.Find("[data-testid=mission-edit]").ClickAsync(new());
            cut.WaitForElement("[data-testid=mission-form]");
            Assert.Contains("deal.won", cut.Instance.RuleChoices);
            Assert.DoesNotContain("call.completed", cut.Instance.RuleChoices);
            Assert.True(cut.Instance.IsOff("deal.won"));
            Assert.Equal("deal.won", cut.FindComponents<MudBlazor.MudSelect<string>>().Single().Instance.Value);
            cut.Find("input[data-testid=mission-target]").Input("4");
            await cut.Find("[data-testid=mission-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=mission-form]")));
            return 0;
        });
        Assert.Equal(4, (int)(await owner.GetJsonAsync("/api/v1/gamification/missions"))["items"]![0]!["target"]!);
    }

    [Fact]
    public async Task A_manager_creates_and_archives_a_mission_and_a_rep_sees_a_progress_bar_without_the_editing_buttons()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Manager);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForElement("[data-testid=missions-empty]");
            await cut.Find("[data-testid=mission-new]").ClickAsync(new());
            cut.Find("input[data-testid=mission-title]").Input("2 visitas esta semana");
            cut.Find("input[data-testid=mission-target]").Input("0");
            await cut.Find("[data-testid=mission-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Contains("Informe de 1 a 1000.", cut.FieldText("mission-target")));

            cut.Find("input[data-testid=mission-target]").Input("2");
            cut.Find("input[data-testid=mission-points]").Input("30");
            await cut.Find("[data-testid=mission-save]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Equal("2 visitas esta semana", cut.Find("[data-testid=mission-name]").TextContent));
            Assert.Equal("Visita realizada × 2 · Semana · 30 pts", cut.Find("[data-testid=mission-detail]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=mission-form]"));
            return 0;
        });
        var lead = await rep.OwnLeadAsync();
        await rep.LogAsync(lead, "visit");
        await owner.PointsReachAsync(rep.UserId, 10);
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Rep);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForAssertion(() => Assert.Equal("1 / 2", cut.Find("[data-testid=mission-progress]").TextContent.Trim()));
            Assert.Single(cut.FindAll(".mud-progress-linear"));
            Assert.Empty(cut.FindAll("[data-testid=mission-new]"));
            Assert.Empty(cut.FindAll("[data-testid=mission-edit]"));
            Assert.Empty(cut.FindAll("[data-testid=mission-archive]"));
            return 0;
        });
        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Manager);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForElement("[data-testid=mission-archive]");
            await cut.Find("[data-testid=mission-archive]").ClickAsync(new());
            cut.WaitForElement("[data-testid=mission-restore]");
            Assert.Equal("false", cut.Find("[data-testid=mission-row]").GetAttribute("data-active"));
            return 0;
        });
        var missions = (await owner.GetJsonAsync("/api/v1/gamification/missions"))["items"]!.AsArray();
        Assert.Equal(("2 visitas esta semana", 2, 30, false), ((string)missions[0]!["title"]!, (int)missions[0]!["target"]!, (int)missions[0]!["points"]!, (bool)missions[0]!["is_active"]!));
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Rep);
            var cut = ctx.Render<MissionsPanel>();
            cut.WaitForElement("[data-testid=missions-empty]"); // an archived mission is not the rep's any more
            Assert.Empty(cut.FindAll("[data-testid=mission-row]"));
            return 0;
        });
    }

    [Fact]
    public async Task A_rep_takes_a_quiz_sees_the_score_and_the_points_and_cannot_take_it_again()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var doc = await owner.CreateDocumentAsync("Objeções", "Quando o cliente diz que está caro, mostre o valor antes do preço.");
        await (await owner.Client.PostAsJsonAsync("/api/v1/quizzes", new
        {
            document_id = (string)doc["id"]!, title = "Objeções",
            questions = new object[]
            {
                new { text = "O que mostrar antes do preço?", options = new[] { "O desconto", "O valor" }, correct = 1 },
                new { text = "Quem decide o orçamento?", options = new[] { "O cliente", "O vendedor" }, correct = 0 },
            },
        })).ExpectAsync(HttpStatusCode.Created);
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Rep);
            var cut = ctx.Render<QuizzesPanel>();
            cut.WaitForElement("[data-testid=quiz-take]");
            Assert.Equal("2 perguntas", cut.Find("[data-testid=quiz-item] .mud-text-secondary").TextContent);
            await cut.Find("[data-testid=quiz-take]").ClickAsync(new());
            Assert.True(cut.Find("[data-testid=quiz-submit]").HasAttribute("disabled")); // every question needs an answer
            // Questions are numbered in order (the number was once read from the loop's last value: "3." for both).
            Assert.Equal(["1. O que mostrar antes do preço?", "2. Quem decide o orçamento?"],
                cut.FindAll("[data-testid=quiz-question] .mud-typography-body1").Select(e => e.TextContent.Trim()).ToArray());
            await cut.FindAll("[data-testid=quiz-question]")[0].QuerySelectorAll("[data-testid=quiz-option]")[1].ClickAsync(new());
            await cut.FindAll("[data-testid=quiz-question]")[1].QuerySelectorAll("[data-testid=quiz-option]")[0].ClickAsync(new());
            await cut.Find("[data-testid=quiz-submit]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Equal("2 de 2 certas. Aprovado: +10 pontos.", cut.Find("[data-testid=quiz-result]").TextContent.Trim()));
            await cut.Find("[data-testid=quiz-back]").ClickAsync(new());
            cut.WaitForElement("[data-testid=quiz-completed]");
            Assert.Empty(cut.FindAll("[data-testid=quiz-take]"));
            return 0;
        });
        Assert.Equal(10, (await owner.PointsReachAsync(rep.UserId, 10))["quiz.completed"]);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/events?type=eq.quiz.completed"))["total"]!);
    }

    [Fact]
    public async Task A_check_in_carries_the_note_and_the_camera_photo_and_a_photo_of_the_wrong_type_or_size_is_refused_first()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var lead = await rep.OwnLeadAsync();
        var png = Convert.FromBase64String(GameApi.Png["data:image/png;base64,".Length..]);
        await rep.AsMemberAsync(async sp =>
        {
            await using var ctx = GameComponents.NewContext(sp, Rep);
            ctx.JSInterop.SetupModule("./lib/app/app.js").Setup<GeoFix>("currentPosition", _ => true).SetResult(new GeoFix(true, -23.55, -46.63, 8, null));
            var cut = ctx.Render<CheckInButton>(p => p.Add(c => c.LeadId, lead));
            var file = cut.FindComponent<InputFile>();
            Assert.Equal(("image/*", "environment"), (cut.Find("input[type=file]").GetAttribute("accept"), cut.Find("input[type=file]").GetAttribute("capture")));

            file.UploadFiles(InputFileContent.CreateFromBinary([0x25, 0x50, 0x44, 0x46], "contrato.pdf", contentType: "application/pdf"));
            cut.WaitForAssertion(() => Assert.Equal("Use uma foto JPEG, PNG ou WebP.", cut.Find("[data-testid=checkin-photo-error]").TextContent));
            file.UploadFiles(InputFileContent.CreateFromBinary(new byte[6 * 1024 * 1024], "grande.jpg", contentType: "image/jpeg"));
            cut.WaitForAssertion(() => Assert.Equal("A foto passa de 5 MB.", cut.Find("[data-testid=checkin-photo-error]").TextContent));
            await cut.Find("[data-testid=checkin-button]").ClickAsync(new());
            Assert.Empty(cut.FindAll("[data-testid=checkin-item]")); // nothing sent with a refused photo

            file.UploadFiles(InputFileContent.CreateFromBinary(png, "fachada.png", contentType: "image/png"));
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=checkin-photo-error]")));
            cut.Find("textarea[data-testid=checkin-note]").Input("Cliente pediu nova visita");
            await cut.Find("[data-testid=checkin-button]").ClickAsync(new());
            cut.WaitForElement("[data-testid=checkin-item]");
            Assert.Equal("Cliente pediu nova visita", cut.Find("[data-testid=checkin-item-note]").TextContent);
            Assert.StartsWith("/api/v1/checkins/", cut.Find("[data-testid=checkin-item-photo]").GetAttribute("src"));
            return 0;
        });
        var item = (await rep.GetJsonAsync($"/api/v1/checkins?lead_id={lead}"))["items"]!.AsArray().Single()!;
        Assert.Equal(("Cliente pediu nova visita", true, 8.0), ((string)item["note"]!, (bool)item["has_photo"]!, (double)item["accuracy_m"]!));
        var photo = await rep.Client.GetAsync($"/api/v1/checkins/{(string)item["id"]!}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await photo.Content.ReadAsByteArrayAsync());
        var stranger = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/checkins/{(string)item["id"]!}/photo")).StatusCode);
    }
}
