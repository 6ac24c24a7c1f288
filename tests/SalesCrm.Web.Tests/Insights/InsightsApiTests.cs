using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCrm.Core.Common;
using SalesCrm.Core.Insights;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Insights;

/// <summary><c>/api/v1/insights</c>: filters, who sees what, dismiss and done with problem+json errors, on-demand runs and the hub.</summary>
public abstract class InsightsApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task The_list_filters_by_status_and_priority_and_puts_the_highest_priority_first()
    {
        var w = await InsightsWorld.CreateAsync(app);
        await w.GenerateAsync(app);
        var all = await w.Owner.GetJsonAsync("/api/v1/insights");
        Assert.Equal(5, (int)all["total"]!);
        Assert.Equal("critical", (string)all["items"]![0]!["priority"]!);
        Assert.Equal("hot_leads_unanswered", (string)all["items"]![0]!["kind"]!);
        Assert.Equal(2, (int)all["items"]![0]!["evidence"]!["figures"]!["count"]!);
        var high = await w.Owner.GetJsonAsync("/api/v1/insights?priority=high");
        Assert.Equal(["conversion_drop", "response_time_up"], high["items"]!.AsArray().Select(i => (string)i!["kind"]!).Order());
        var id = (string)all["items"]![0]!["id"]!;
        var done = await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/insights/{id}", new { status = "done" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("done", (string)done["status"]!);
        Assert.NotNull(done["resolved_at"]);
        Assert.Equal(4, (int)(await w.Owner.GetJsonAsync("/api/v1/insights?status=new"))["total"]!);
        Assert.Equal(id, (string)(await w.Owner.GetJsonAsync("/api/v1/insights?status=done"))["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task A_reader_asking_in_english_gets_a_portuguese_workspaces_insights_in_english_and_without_a_language_in_portuguese()
    {
        var w = await InsightsWorld.CreateAsync(app);
        await w.GenerateAsync(app);
        var hot = InsightTexts.HotLeadsUnanswered("en", 2, 80, InsightRules.UnansweredHours, InsightRules.HotScore);
        var en = (await w.Owner.GetInAsync("/api/v1/insights", "en"))["items"]!.AsArray().ToDictionary(i => (string)i!["kind"]!);
        Assert.Equal((hot.Title, hot.Description, hot.Recommendation),
            ((string)en["hot_leads_unanswered"]!["title"]!, (string)en["hot_leads_unanswered"]!["description"]!, (string)en["hot_leads_unanswered"]!["recommendation"]!));
        Assert.Equal("Conversion from Contato to Qualificado fell 50%", (string)en["conversion_drop"]!["title"]!);
        Assert.Equal("Member's response time doubled", (string)en["response_time_up"]!["title"]!);
        Assert.Equal("2 deals past their expected close date", (string)en["overdue_close_dates"]!["title"]!);
        Assert.Equal("1 high-value deal stalled", (string)en["stalled_high_value"]!["title"]!);

        var pt = (await w.Owner.GetJsonAsync("/api/v1/insights"))["items"]!.AsArray().ToDictionary(i => (string)i!["kind"]!);
        Assert.Equal("2 leads quentes sem resposta há 24 h", (string)pt["hot_leads_unanswered"]!["title"]!);
        Assert.Equal("Conversão de Contato para Qualificado caiu 50%", (string)pt["conversion_drop"]!["title"]!);
        Assert.Equal("2 leads quentes sem resposta há 24 h", (string)(await w.Owner.GetInAsync("/api/v1/insights", "pt-BR"))["items"]![0]!["title"]!);
    }

    [Fact]
    public async Task A_status_change_answers_in_the_readers_language_as_the_list_does_and_every_item_names_its_language()
    {
        var w = await InsightsWorld.CreateAsync(app);
        await w.GenerateAsync(app);
        var pt = (await w.Owner.GetJsonAsync("/api/v1/insights"))["items"]!.AsArray();
        Assert.All(pt, i => Assert.Equal("pt-BR", (string)i!["culture"]!));
        var en = (await w.Owner.GetInAsync("/api/v1/insights", "en"))["items"]!.AsArray();
        Assert.All(en, i => Assert.Equal("en", (string)i!["culture"]!));
        string Id(string kind) => (string)pt.Single(i => (string)i!["kind"]! == kind)!["id"]!;

        var done = await w.Owner.PatchInAsync($"/api/v1/insights/{Id("hot_leads_unanswered")}", new { status = "done" }, "en");
        Assert.Equal(("2 hot leads without a reply for 24 h", "en", "done"), ((string)done["title"]!, (string)done["culture"]!, (string)done["status"]!));
        var dismissed = await w.Owner.PatchInAsync($"/api/v1/insights/{Id("conversion_drop")}", new { status = "dismissed" }, null);
        Assert.Equal(("Conversão de Contato para Qualificado caiu 50%", "pt-BR"), ((string)dismissed["title"]!, (string)dismissed["culture"]!));
    }

    [Fact]
    public async Task An_english_workspace_answers_a_portuguese_reader_in_portuguese_and_a_reader_without_a_language_in_english()
    {
        var w = await InsightsWorld.CreateAsync(app, culture: "en");
        await w.GenerateAsync(app);
        var en = (await w.Owner.GetJsonAsync("/api/v1/insights?priority=critical"))["items"]![0]!;
        Assert.Equal(("2 hot leads without a reply for 24 h", "en"), ((string)en["title"]!, (string)en["culture"]!));
        var pt = (await w.Owner.GetInAsync("/api/v1/insights?priority=critical", "pt-BR"))["items"]![0]!;
        Assert.Equal(("2 leads quentes sem resposta há 24 h", "pt-BR"), ((string)pt["title"]!, (string)pt["culture"]!));
        var done = await w.Owner.PatchInAsync($"/api/v1/insights/{(string)en["id"]!}", new { status = "done" }, "pt-BR");
        Assert.Equal(("2 leads quentes sem resposta há 24 h", "pt-BR"), ((string)done["title"]!, (string)done["culture"]!));
    }

    [Fact]
    public async Task A_rep_who_sees_only_own_leads_sees_only_insights_about_themselves()
    {
        var w = await InsightsWorld.CreateAsync(app);
        await w.GenerateAsync(app);
        var mine = await w.Rep.GetJsonAsync("/api/v1/insights");
        var item = Assert.Single(mine["items"]!.AsArray());
        Assert.Equal(("response_time_up", w.Rep.UserId.ToString()), ((string)item!["kind"]!, (string)item["subject_user_id"]!));
        var workspaceWide = (string)(await w.Owner.GetJsonAsync("/api/v1/insights?priority=critical"))["items"]![0]!["id"]!;
        await (await w.Rep.Client.PatchAsJsonAsync($"/api/v1/insights/{workspaceWide}", new { status = "dismissed" })).ExpectProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await (await w.Rep.Client.PatchAsJsonAsync($"/api/v1/insights/{(string)item["id"]!}", new { status = "dismissed" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_status_changes_and_filters_are_problems_with_a_code_and_the_field()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var id = (await w.GenerateAsync(app))[0].Id;
        foreach (var body in new object[] { new { status = "new" }, new { status = "archived" }, new { } })
        {
            var problem = await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/insights/{id}", body)).ExpectProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
            Assert.NotNull(problem["errors"]!["status"]);
        }
        await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/insights/{Guid.NewGuid()}", new { status = "done" })).ExpectProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        var filter = await (await w.Owner.Client.GetAsync("/api/v1/insights?status=open&priority=urgent")).ExpectProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.NotNull(filter["errors"]!["status"]);
        Assert.NotNull(filter["errors"]!["priority"]);
        var viewer = await w.Owner.AddMemberAsync("sales_rep");
        await (await viewer.Client.GetAsync("/api/v1/insights")).ExpectProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await (await viewer.Client.PostAsync("/api/v1/insights/generate", null)).ExpectProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Generating_on_demand_answers_202_and_pushes_InsightGenerated_to_the_workspace_hub()
    {
        var w = await InsightsWorld.CreateAsync(app, DateTime.UtcNow);
        var received = new BlockingCollection<JsonElement>();
        await using var hub = InsightsWorld.HubClient(app, w.Owner);
        hub.On<JsonElement>("InsightGenerated", received.Add);
        await hub.StartAsync();
        // SignalR runs OnConnectedAsync (which joins the workspace group) after the handshake, so StartAsync can return
        // before the connection hears anything: wait until it hears a status change of an insight of its own workspace.
        var warmUp = await w.AddInsightAsync(app, "warm-up");
        Assert.True(HearsStatusChange(w, warmUp, received), "the connection never joined the workspace group");

        var accepted = await w.Owner.Client.PostAsync("/api/v1/insights/generate", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(received.TryTake(out var message, TimeSpan.FromSeconds(30)), "no InsightGenerated arrived");
        var list = await Eventually.GetAsync(w.Owner, "/api/v1/insights", b => (int)b["total"]! >= 4);
        Assert.Contains(list["items"]!.AsArray(), i => (string)i!["id"]! == message.GetProperty("insight_id").GetString());
        // A push has many readers: it carries the title in the workspace's language and names it.
        var pushed = list["items"]!.AsArray().Single(i => (string)i!["id"]! == message.GetProperty("insight_id").GetString())!;
        Assert.Equal(("pt-BR", (string)pushed["title"]!), (message.GetProperty("culture").GetString(), message.GetProperty("title").GetString()));
        Assert.Contains(list["items"]!.AsArray(), i => (string)i!["kind"]! == "hot_leads_unanswered");
    }

    /// <summary>Marks <paramref name="insightId"/> dismissed or done until the hub delivers a push about it (at most 30 s), then drops what it heard.</summary>
    private static bool HearsStatusChange(InsightsWorld w, Guid insightId, BlockingCollection<JsonElement> received)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        for (var attempt = 0; DateTime.UtcNow < until; attempt++)
        {
            var status = attempt % 2 == 0 ? "dismissed" : "done";
            w.Owner.Client.PatchAsJsonAsync($"/api/v1/insights/{insightId}", new { status }).GetAwaiter().GetResult().EnsureSuccessStatusCode();
            if (received.TryTake(out var heard, TimeSpan.FromSeconds(2)) && heard.GetProperty("insight_id").GetString() == insightId.ToString())
            {
                while (received.TryTake(out _, TimeSpan.FromMilliseconds(300))) { }
                return true;
            }
        }
        return false;
    }

    [Fact]
    public async Task The_insights_hub_refuses_a_member_without_reports_view()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var viewer = await w.Owner.AddMemberAsync("sales_rep");
        await using var hub = InsightsWorld.HubClient(app, viewer);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        try { await hub.StartAsync(); } catch (Exception) { closed.TrySetResult(); }
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.NotEqual(HubConnectionState.Connected, hub.State);
    }
}

public sealed class InsightsApiTestsOnSqlite(SqliteApp app) : InsightsApiTests(app), IClassFixture<SqliteApp>;

public sealed class InsightsApiTestsOnPostgres(PostgresApp app) : InsightsApiTests(app), IClassFixture<PostgresApp>;
