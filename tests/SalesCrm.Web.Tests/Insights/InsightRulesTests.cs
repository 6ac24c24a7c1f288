using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Insights;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Insights;

/// <summary>Each offline rule against <see cref="InsightsWorld"/>, its figures and leads computed by hand in the world's summary.</summary>
public abstract class InsightRulesTests(CrmAppFactory app)
{
    private static InsightEvidence Evidence(Insight i) => JsonSerializer.Deserialize<InsightEvidence>(i.Evidence, EventRecorder.PayloadJson)!;

    private static Insight One(IReadOnlyList<Insight> all, InsightKind kind) => Assert.Single(all, i => i.Kind == kind);

    [Fact]
    public async Task Hot_leads_waiting_a_day_for_a_reply_are_counted_with_their_leads_oldest_first()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var insight = One(await w.GenerateAsync(app), InsightKind.HotLeadsUnanswered);
        var e = Evidence(insight);
        Assert.Equal(2, e.LeadCount);
        Assert.Equal([w.Leads["B"], w.Leads["A"]], e.LeadIds);
        Assert.Equal((2m, 80m, 24m), (e.Figures["count"], e.Figures["oldest_wait_hours"], e.Figures["threshold_hours"]));
        Assert.Equal(InsightPriority.Critical, insight.Priority); // a wait of 72 h or more
        Assert.Equal(1.0, insight.Confidence);
        Assert.Equal("2 leads quentes sem resposta há 24 h", insight.Title);
        Assert.Contains("o mais antigo há 80 h", insight.Description);
        Assert.Equal(InsightTextSources.Rules, insight.TextSource);
        Assert.Null(insight.SubjectUserId);
    }

    [Fact]
    public async Task A_stage_conversion_that_fell_by_half_is_found_with_both_periods_cut_at_local_midnight()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var insight = One(await w.GenerateAsync(app), InsightKind.ConversionDrop);
        var e = Evidence(insight);
        Assert.Equal((10m, 4m, 40m), (e.Figures["exits"], e.Figures["forward"], e.Figures["rate_pct"]));
        Assert.Equal((10m, 8m, 80m, 50m), (e.Figures["previous_exits"], e.Figures["previous_forward"], e.Figures["previous_rate_pct"], e.Figures["drop_pct"]));
        Assert.Equal((new DateOnly(2026, 10, 21), new DateOnly(2026, 11, 19), new DateOnly(2026, 9, 21), new DateOnly(2026, 10, 20)), (e.From!.Value, e.To!.Value, e.PreviousFrom!.Value, e.PreviousTo!.Value));
        Assert.Equal(w.LostLately.Order(), e.LeadIds.Order());
        Assert.Equal(InsightPriority.High, insight.Priority);
        Assert.Equal(0.97, insight.Confidence); // Φ(1.83) of the two-proportion z-test
        Assert.Equal("Conversão de Contato para Qualificado caiu 50%", insight.Title);
        Assert.Contains("4 dos 10 negócios", insight.Description);
        Assert.Contains("8 de 10 (80%)", insight.Description);
    }

    [Fact]
    public async Task A_rep_whose_response_time_tripled_gets_an_insight_about_them_and_a_rep_with_too_few_replies_none()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var insight = One(await w.GenerateAsync(app), InsightKind.ResponseTimeUp);
        var e = Evidence(insight);
        Assert.Equal(w.Rep.UserId, insight.SubjectUserId);
        Assert.Equal((30m, 5m, 10m, 5m, 3m), (e.Figures["avg_minutes"], e.Figures["replies"], e.Figures["previous_avg_minutes"], e.Figures["previous_replies"], e.Figures["ratio"]));
        Assert.Equal([w.Leads["R"]], e.LeadIds);
        Assert.Equal(InsightPriority.High, insight.Priority);
        Assert.Equal("Tempo de resposta de Member dobrou", insight.Title);
        Assert.Contains("30 min", insight.Description);
    }

    [Fact]
    public async Task Deals_past_their_close_date_are_summed_in_the_workspace_currency_and_others_counted_apart()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var insight = One(await w.GenerateAsync(app), InsightKind.OverdueCloseDates);
        var e = Evidence(insight);
        Assert.Equal((2m, 1000m, 19m, 1m), (e.Figures["count"], e.Figures["value"], e.Figures["oldest_overdue_days"], e.Figures["other_currency_count"]));
        Assert.Equal([w.Leads["O1"], w.Leads["O2"]], e.LeadIds);
        Assert.Equal("BRL", e.Currency);
        Assert.Equal(InsightPriority.Medium, insight.Priority);
        Assert.Equal("2 negócios com data de fechamento vencida", insight.Title);
        Assert.Contains("R$ 1.000,00", insight.Description);
    }

    [Fact]
    public async Task Only_top_quarter_deals_idle_for_two_weeks_are_stalled()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var insight = One(await w.GenerateAsync(app), InsightKind.StalledHighValue);
        var e = Evidence(insight);
        Assert.Equal((1m, 2000m, 1750m, 14m), (e.Figures["count"], e.Figures["value"], e.Figures["threshold_value"], e.Figures["idle_days"]));
        Assert.Equal([w.Leads["S4"]], e.LeadIds);
        Assert.Equal(InsightPriority.Medium, insight.Priority);
    }

    [Fact]
    public async Task Texts_follow_the_workspace_language()
    {
        var w = await InsightsWorld.CreateAsync(app, culture: "en");
        var all = await w.GenerateAsync(app);
        Assert.Equal("2 hot leads without a reply for 24 h", One(all, InsightKind.HotLeadsUnanswered).Title);
        Assert.Equal("Conversion from Contato to Qualificado fell 50%", One(all, InsightKind.ConversionDrop).Title);
        Assert.Contains("R$ 1,000.00", One(all, InsightKind.OverdueCloseDates).Description);
        // The insight.critical event for webhooks and workflows is in the workspace's language too, and says so.
        await using var db = await OpenAsync(w);
        var payload = JsonDocument.Parse(Assert.Single(await db.Events.Where(x => x.Type == EventTypes.InsightCritical).ToListAsync()).Payload).RootElement;
        Assert.Equal(("en", "2 hot leads without a reply for 24 h"), (payload.GetProperty("culture").GetString(), payload.GetProperty("title").GetString()));
        Assert.StartsWith("2 leads with high or urgent priority", payload.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Running_again_the_same_day_refreshes_instead_of_duplicating_and_leaves_a_dismissed_insight_dismissed()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var first = await w.GenerateAsync(app);
        Assert.Equal(5, first.Count);
        var hot = One(first, InsightKind.HotLeadsUnanswered);
        await (await w.Owner.Client.PatchAsync($"/api/v1/insights/{hot.Id}", Json(new { status = "dismissed" }))).ExpectAsync(System.Net.HttpStatusCode.OK);

        Assert.Empty(await w.GenerateAsync(app, w.Now.AddHours(6)));
        await using (var db = await OpenAsync(w))
        {
            Assert.Equal(5, await db.Insights.CountAsync());
            Assert.Equal(InsightStatus.Dismissed, (await db.Insights.SingleAsync(i => i.Id == hot.Id)).Status);
            Assert.Equal(w.Now.AddHours(6), (await db.Insights.SingleAsync(i => i.Kind == InsightKind.OverdueCloseDates)).GeneratedAt);
        }

        // The next local day is a new key.
        Assert.Equal(5, (await w.GenerateAsync(app, w.Now.AddDays(1))).Count);
    }

    [Fact]
    public async Task A_new_critical_insight_records_one_insight_critical_event_for_webhooks_and_workflows()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var hot = One(await w.GenerateAsync(app), InsightKind.HotLeadsUnanswered);
        await w.GenerateAsync(app);
        await using var db = await OpenAsync(w);
        var e = Assert.Single(await db.Events.Where(x => x.Type == EventTypes.InsightCritical).ToListAsync());
        var payload = JsonDocument.Parse(e.Payload).RootElement;
        Assert.Equal(hot.Id, payload.GetProperty("insight_id").GetGuid());
        Assert.Equal("critical", payload.GetProperty("priority").GetString());
        Assert.Equal(2, payload.GetProperty("evidence").GetProperty("lead_count").GetInt32());
        Assert.Equal(("pt-BR", "2 leads quentes sem resposta há 24 h"), (payload.GetProperty("culture").GetString(), payload.GetProperty("title").GetString()));
        EventCatalog.Validate(e.Type, payload); // the payload matches the catalogue's schema
    }

    [Fact]
    public async Task A_workspace_gets_insights_from_its_own_rows_only()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var other = await app.RegisterAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<InsightSweep>().RunAsync(other.TenantId, w.Now));
        var mine = await w.GenerateAsync(app);
        Assert.All(mine, i => Assert.Equal(w.Owner.TenantId, i.TenantId));
        var list = await other.Client.GetAsync("/api/v1/insights");
        Assert.Equal(0, (int)(await list.ExpectAsync(System.Net.HttpStatusCode.OK))["total"]!);
        await (await other.Client.PatchAsync($"/api/v1/insights/{mine[0].Id}", Json(new { status = "done" }))).ExpectProblemAsync(System.Net.HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private async Task<CrmDbContext> OpenAsync(InsightsWorld w)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(w.Owner.TenantId, ActorType.System, "test"));
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
    }
}

public sealed class InsightRulesTestsOnSqlite(SqliteApp app) : InsightRulesTests(app), IClassFixture<SqliteApp>;

public sealed class InsightRulesTestsOnPostgres(PostgresApp app) : InsightRulesTests(app), IClassFixture<PostgresApp>;
