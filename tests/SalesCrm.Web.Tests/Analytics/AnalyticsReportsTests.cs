using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>Every analytics endpoint against <see cref="AnalyticsWorld"/>, figures computed by hand in its summary.</summary>
public abstract class AnalyticsReportsTests(CrmAppFactory app)
{
    private const string October = "from=2026-10-01&to=2026-10-31";

    private static JsonNode Stage(JsonNode report, string name) => report["stages"]!.AsArray().Single(s => (string)s!["name"]! == name)!;

    [Fact]
    public async Task The_pipeline_report_counts_values_weights_times_in_stage_conversion_and_closings_of_the_period()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/pipeline?{October}");
        Assert.Equal("BRL", (string)r["currency"]!);
        // Now: Novo holds L1 (R$ 1.000) and L5 (US$, counted, not summed); Proposta L2.
        Assert.Equal((2, 1000m, 100m), ((int)Stage(r, "Novo")["count"]!, (decimal)Stage(r, "Novo")["value"]!, (decimal)Stage(r, "Novo")["weighted_value"]!));
        Assert.Equal((1, 2000m, 1200m), ((int)Stage(r, "Proposta")["count"]!, (decimal)Stage(r, "Proposta")["value"]!, (decimal)Stage(r, "Proposta")["weighted_value"]!));
        // Stays that ended in October: Novo 2, 10 and 2 days; Contato 4 days.
        Assert.Equal(4.67, (double)Stage(r, "Novo")["avg_days_in_stage"]!);
        Assert.Equal(4.0, (double)Stage(r, "Contato")["avg_days_in_stage"]!);
        Assert.Null(Stage(r, "Qualificado")["avg_days_in_stage"]);
        Assert.Equal("Novo", (string)r["bottleneck"]!["name"]!);
        // L2 entered Novo on 30 September in São Paulo: not an October entry.
        Assert.Equal(4, (int)Stage(r, "Novo")["entered"]!);
        // Reached (highest stage in October): L1, L4, L5 Novo; L2 Proposta; L3 Ganho → 2 of 5 went past Novo, 1 of 2 past Proposta.
        Assert.Equal(0.4, (double)Stage(r, "Novo")["conversion_to_next"]!);
        Assert.Equal(1.0, (double)Stage(r, "Contato")["conversion_to_next"]!);
        Assert.Equal(0.5, (double)Stage(r, "Proposta")["conversion_to_next"]!);
        Assert.Null(Stage(r, "Ganho")["conversion_to_next"]);
        Assert.Equal((1, 3000m), ((int)r["won"]!["count"]!, (decimal)r["won"]!["value"]!));
        Assert.Equal((1, 500m), ((int)r["lost"]!["count"]!, (decimal)r["lost"]!["value"]!));
        Assert.Equal("Preço", (string)r["lost"]!["by_reason"]![0]!["reason"]!);
        Assert.Equal("USD", (string)r["other_currencies"]![0]!["currency"]!);
        Assert.Equal("2026-10", (string)r["by_period"]![0]!["period"]!);

        var won = await w.Owner.GetJsonAsync((string)r["won"]!["leads"]!);
        Assert.Equal(["L3"], won["items"]!.AsArray().Select(l => (string)l!["name"]!));
        var novo = await w.Owner.GetJsonAsync((string)Stage(r, "Novo")["leads"]!);
        Assert.Equal(["L1", "L5"], novo["items"]!.AsArray().Select(l => (string)l!["name"]!).Order());
    }

    [Fact]
    public async Task Each_week_of_won_and_lost_drills_down_to_the_deals_closed_in_that_week_only()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/pipeline?{October}&group_by=week");
        var weeks = r["by_period"]!.AsArray();
        Assert.Equal(5, weeks.Count); // 2026-W40 (from Thursday 1 October) to 2026-W44
        var won = new List<string>();
        var lost = new List<string>();
        foreach (var week in weeks)
        {
            var wonLeads = (await w.Owner.GetJsonAsync((string)week!["won_leads"]!))["items"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
            var lostLeads = (await w.Owner.GetJsonAsync((string)week["lost_leads"]!))["items"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
            Assert.Equal(((int)week["won_count"]!, (int)week["lost_count"]!), (wonLeads.Count, lostLeads.Count));
            won.AddRange(wonLeads);
            lost.AddRange(lostLeads);
        }
        // The whole month: L3 won, L4 lost (as the pipeline report's own totals), each in exactly one week.
        Assert.Equal(["L3"], won);
        Assert.Single(lost);
        Assert.Contains("from=2026-10-01", (string)weeks[0]!["won_leads"]!);
        Assert.Contains("to=2026-10-31", (string)weeks[^1]!["lost_leads"]!);
    }

    [Fact]
    public async Task Money_in_another_currency_is_summed_only_when_asked_for()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/pipeline?{October}&currency=usd");
        Assert.Equal("USD", (string)r["currency"]!);
        Assert.Equal(100m, (decimal)Stage(r, "Novo")["value"]!);
        Assert.Equal("BRL", (string)r["other_currencies"]![0]!["currency"]!);
        Assert.Equal(4, (int)r["other_currencies"]![0]!["leads"]!);
    }

    [Fact]
    public async Task A_member_who_sees_only_their_own_leads_gets_only_their_own_figures()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Rep.GetJsonAsync($"/api/v1/analytics/pipeline?{October}");
        Assert.Equal(1, (int)Stage(r, "Novo")["count"]!);
        Assert.Equal((1, 0), ((int)r["won"]!["count"]!, (int)r["lost"]!["count"]!));
        var team = await w.Rep.GetJsonAsync($"/api/v1/analytics/team?{October}");
        Assert.Equal([w.Rep.UserId.ToString()], team["members"]!.AsArray().Select(m => (string)m!["user_id"]!));
        var leads = await w.Rep.GetJsonAsync($"/api/v1/analytics/leads?{October}");
        Assert.Equal(2, leads["groups"]!.AsArray().Sum(g => (int)g!["count"]!));
        // Asking for someone else's figures gives nothing, not theirs.
        var other = await w.Rep.GetJsonAsync($"/api/v1/analytics/leads?{October}&owner_id={w.Owner.UserId}");
        Assert.Empty(other["groups"]!.AsArray());
    }

    [Fact]
    public async Task New_leads_fall_in_the_local_day_a_lead_created_at_23_30_in_Sao_Paulo_counts_in_September()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var months = await w.Owner.GetJsonAsync("/api/v1/analytics/leads?from=2026-09-01&to=2026-10-31&group_by=month");
        Assert.Equal([("2026-09", 1), ("2026-10", 4)], months["groups"]!.AsArray().Select(g => ((string)g!["key"]!, (int)g["count"]!)));
        var sources = await w.Owner.GetJsonAsync($"/api/v1/analytics/leads?{October}");
        var whatsapp = sources["groups"]!.AsArray().Single(g => (string)g!["key"]! == "whatsapp")!;
        Assert.Equal((3, 1, 3000m), ((int)whatsapp["count"]!, (int)whatsapp["won"]!, (decimal)whatsapp["value_won"]!));
        // Speed-to-lead over October's new leads: L1 30 min, L3 3 h; L4 and L5 still waiting.
        var speed = sources["speed_to_lead"]!;
        Assert.Equal((4, 2, 105.0, 180.0), ((int)speed["leads"]!, (int)speed["answered"]!, (double)speed["avg_minutes"]!, (double)speed["median_minutes"]!));
        Assert.Equal([0, 0, 1, 1, 0, 0], speed["distribution"]!.AsArray().Select(d => (int)d!["count"]!));
        Assert.Equal(1, (int)sources["not_contacted"]!["count"]!); // L5: L4 is lost
        var waiting = await w.Owner.GetJsonAsync((string)sources["not_contacted"]!["leads"]!);
        Assert.Equal("L5", (string)waiting["items"]![0]!["name"]!);
    }

    [Fact]
    public async Task Each_speed_to_lead_bucket_drills_down_to_the_leads_first_answered_within_it()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var buckets = (await w.Owner.GetJsonAsync($"/api/v1/analytics/leads?{October}"))["speed_to_lead"]!["distribution"]!.AsArray();
        var lists = new List<string>();
        foreach (var bucket in buckets)
        {
            var url = (string)bucket!["leads"]!;
            Assert.Contains("figure=speed_to_lead", url);
            var drill = await w.Owner.GetJsonAsync(url);
            Assert.Equal((int)bucket["count"]!, (int)drill["total"]!);
            lists.Add(string.Join(",", drill["items"]!.AsArray().Select(l => (string)l!["name"]!)));
        }
        // L1 first answered after 30 min (up to 1 h), L3 after 3 h (up to 4 h); L4 and L5 never: in no bucket.
        Assert.Equal(["", "", "L1", "L3", "", ""], lists);
        // The same period and visibility rules as the figure: September has none, the rep asking for the owner's leads gets none.
        var upToAnHour = Uri.EscapeDataString("<=60m");
        Assert.Equal(0, (int)(await w.Owner.GetJsonAsync($"/api/v1/analytics/drilldown?figure=speed_to_lead&bucket={upToAnHour}&from=2026-09-01&to=2026-09-30"))["total"]!);
        Assert.Equal(1, (int)(await w.Rep.GetJsonAsync($"/api/v1/analytics/drilldown?figure=speed_to_lead&bucket={upToAnHour}&{October}"))["total"]!);
        Assert.Equal(0, (int)(await w.Rep.GetJsonAsync($"/api/v1/analytics/drilldown?figure=speed_to_lead&bucket={upToAnHour}&{October}&owner_id={w.Owner.UserId}"))["total"]!);
        await (await w.Owner.Client.GetAsync($"/api/v1/analytics/drilldown?figure=speed_to_lead&{October}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await w.Owner.Client.GetAsync($"/api/v1/analytics/drilldown?figure=speed_to_lead&bucket=7m&{October}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Each_response_time_bucket_and_each_reps_bar_drill_down_to_the_leads_whose_messages_were_answered()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        var lists = new List<string>();
        foreach (var bucket in r["responses"]!["distribution"]!.AsArray())
            lists.Add(string.Join(",", (await w.Owner.GetJsonAsync((string)bucket!["leads"]!))["items"]!.AsArray().Select(l => (string)l!["name"]!)));
        // L1's inbound message of 6 October was answered after 10 min (up to 15 min); no other message was answered in October.
        Assert.Equal(["", "L1", "", "", "", ""], lists);
        var rep = Assert.Single(r["by_rep"]!.AsArray())!;
        Assert.Equal(w.Rep.UserId.ToString(), (string)rep["user_id"]!);
        Assert.Equal(["L1"], (await w.Owner.GetJsonAsync((string)rep["leads"]!))["items"]!.AsArray().Select(l => (string)l!["name"]!));
        Assert.Equal(0, (int)(await w.Owner.GetJsonAsync($"/api/v1/analytics/drilldown?figure=answered&responder_id={w.Owner.UserId}&{October}"))["total"]!);
        Assert.Equal(0, (int)(await w.Owner.GetJsonAsync($"/api/v1/analytics/drilldown?figure=answered&from=2026-09-01&to=2026-09-30"))["total"]!);
        await (await w.Owner.Client.GetAsync($"/api/v1/analytics/drilldown?figure=answered&bucket=soon&{October}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task An_empty_period_has_zeros_and_no_rates_rather_than_errors()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var r = await w.Owner.GetJsonAsync("/api/v1/analytics/pipeline?from=2026-01-01&to=2026-01-31");
        Assert.Equal(0, (int)r["won"]!["count"]!);
        Assert.All(r["stages"]!.AsArray(), s => Assert.Null(s!["conversion_to_next"]));
        Assert.Null(r["bottleneck"]);
        var leads = await w.Owner.GetJsonAsync("/api/v1/analytics/leads?from=2026-01-01&to=2026-01-31");
        Assert.Empty(leads["groups"]!.AsArray());
        Assert.Null(leads["speed_to_lead"]!["avg_minutes"]);
        var team = await w.Owner.GetJsonAsync("/api/v1/analytics/team?from=2026-01-01&to=2026-01-31");
        Assert.All(team["members"]!.AsArray(), m => Assert.Null(m!["win_rate"]));
        await w.Owner.GetJsonAsync("/api/v1/analytics/communication?from=2026-01-01&to=2026-01-31");
        await w.Owner.GetJsonAsync("/api/v1/analytics/marketing?from=2026-01-01&to=2026-01-31");
    }

    [Fact]
    public async Task The_team_ranks_members_by_value_won_with_win_rate_and_response_time()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var team = await w.Owner.GetJsonAsync($"/api/v1/analytics/team?{October}");
        var first = team["members"]![0]!;
        Assert.Equal((w.Rep.UserId.ToString(), 1, 1, 1, 3000m, 1.0, 10.0),
            ((string)first["user_id"]!, (int)first["rank"]!, (int)first["leads"]!, (int)first["won"]!, (decimal)first["value_won"]!, (double)first["win_rate"]!, (double)first["avg_response_minutes"]!));
        var owner = team["members"]!.AsArray().Single(m => (string)m!["user_id"]! == w.Owner.UserId.ToString())!;
        Assert.Equal((2, 0, 1, 0.0), ((int)owner["leads"]!, (int)owner["won"]!, (int)owner["lost"]!, (double)owner["win_rate"]!));
        // The leaderboard's bar and "won" drill into the deals won, not into the rep's open leads.
        var wonByRep = await w.Owner.GetJsonAsync((string)first["won_leads_url"]!);
        Assert.Equal(["L3"], wonByRep["items"]!.AsArray().Select(l => (string)l!["name"]!));
        Assert.Equal(0, (int)(await w.Owner.GetJsonAsync((string)owner["won_leads_url"]!))["total"]!);
        var communication = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        Assert.Equal((1, 10.0), ((int)communication["responses"]!["answered"]!, (double)communication["responses"]!["avg_minutes"]!));
    }

    [Fact]
    public async Task The_forecast_weighs_open_deals_by_close_month_flags_overdue_ones_and_shows_what_was_won()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var f = await w.Owner.GetJsonAsync("/api/v1/analytics/forecast?from=2026-10-01&to=2027-01-31&commit_probability=50");
        var months = f["months"]!.AsArray().ToDictionary(m => (string)m!["month"]!, m => m!);
        Assert.Equal(["2026-10", "2026-11", "2026-12", "2027-01"], months.Keys);
        Assert.Equal((3000m, 1), ((decimal)months["2026-10"]["won"]!, (int)months["2026-10"]["won_count"]!));
        // A month's "won" bar drills into the deals won that month, not into the open deals closing in it.
        var wonInOctober = await w.Owner.GetJsonAsync((string)months["2026-10"]["won_leads"]!);
        Assert.Equal(["L3"], wonInOctober["items"]!.AsArray().Select(l => (string)l!["name"]!));
        Assert.Equal(0, (int)(await w.Owner.GetJsonAsync((string)months["2026-11"]["won_leads"]!))["total"]!);
        Assert.Equal((100m, 1000m, 0m), ((decimal)months["2026-12"]["weighted"]!, (decimal)months["2026-12"]["best_case"]!, (decimal)months["2026-12"]["commit"]!));
        Assert.Equal((1200m, 2000m, 2000m), ((decimal)months["2027-01"]["weighted"]!, (decimal)months["2027-01"]["best_case"]!, (decimal)months["2027-01"]["commit"]!));
        Assert.Equal(1, (int)f["overdue"]!["count"]!); // L5, US$: counted, not in the BRL value
        Assert.Equal(0m, (decimal)f["overdue"]!["value"]!);
        var overdue = await w.Owner.GetJsonAsync((string)f["overdue"]!["leads"]!);
        Assert.Equal("L5", (string)overdue["items"]![0]!["name"]!);
        Assert.Equal(1200m, (decimal)f["by_owner"]!.AsArray().Single(o => (string)o!["id"]! == w.Owner.UserId.ToString())!["weighted"]!);
    }

    [Fact]
    public async Task Marketing_spend_gives_cost_per_lead_cac_and_roi_per_campaign()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/leads/{w.Leads[2]}", new { utm_campaign = "verao" })).ExpectAsync(HttpStatusCode.OK);
        await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/leads/{w.Leads[3]}", new { utm_campaign = "verao" })).ExpectAsync(HttpStatusCode.OK);
        using var csv = new MultipartFormDataContent { { new ByteArrayContent("campanha;mês;valor\nverao;10/2026;R$ 1.000,00\n"u8.ToArray()), "file", "spend.csv" } };
        var stored = await (await w.Owner.Client.PostAsync("/api/v1/analytics/spend/import", csv)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("2026-10", 1000m), ((string)stored["items"]![0]!["month"]!, (decimal)stored["items"]![0]!["amount"]!));
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/marketing?{October}");
        var verao = r["groups"]!.AsArray().Single(g => (string?)g!["key"] == "verao")!;
        // 2 leads, 1 won worth R$ 3.000, R$ 1.000 spent.
        Assert.Equal((2, 1, 3000m, 1000m, 500m, 1000m, 2.0),
            ((int)verao["leads"]!, (int)verao["won"]!, (decimal)verao["revenue"]!, (decimal)verao["spend"]!, (decimal)verao["cost_per_lead"]!, (decimal)verao["cac"]!, (double)verao["roi"]!));
        await (await w.Rep.Client.PutAsJsonAsync("/api/v1/analytics/spend", new { items = new[] { new { campaign = "x", month = "2026-13", amount = -1 } } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_custom_report_is_json_csv_or_an_xlsx_a_spreadsheet_opens()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var body = new { metrics = new[] { "leads", "won", "value_won" }, dimensions = new[] { "owner", "source" }, filters = new Dictionary<string, string> { ["value"] = "gte.600" },
            from = "2026-10-01", to = "2026-10-31" };
        var json = await (await w.Owner.Client.PostAsJsonAsync("/api/v1/analytics/reports", body)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["owner", "owner_label", "source", "leads", "won", "value_won"], json["columns"]!.AsArray().Select(c => (string)c!));
        // value ≥ 600 leaves L1 and L3 (the rep's, whatsapp) of October's cohort.
        var row = Assert.Single(json["rows"]!.AsArray())!;
        Assert.Equal((w.Rep.UserId.ToString(), "whatsapp", 2, 1, 3000m), ((string)row[0]!, (string)row[2]!, (int)row[3]!, (int)row[4]!, (decimal)row[5]!));

        var csv = await w.Owner.Client.PostAsJsonAsync("/api/v1/analytics/reports", new { body.metrics, body.dimensions, body.filters, body.from, body.to, format = "csv" });
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("owner;owner_label;source;leads;won;value_won", lines[0].Trim());
        Assert.EndsWith(";whatsapp;2;1;3000", lines[1].Trim());

        var xlsx = await w.Owner.Client.PostAsJsonAsync("/api/v1/analytics/reports", new { body.metrics, body.dimensions, body.filters, body.from, body.to, format = "xlsx" });
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("3000", rows[1].Elements<Cell>().Last().CellValue!.Text);

        var bad = await (await w.Owner.Client.PostAsJsonAsync("/api/v1/analytics/reports", new { dimensions = new[] { "planet" }, filters = new Dictionary<string, string> { ["nope"] = "eq.1" } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["dimensions[0]"]);
        Assert.NotNull(bad["errors"]!["filters.nope"]);
    }

    [Fact]
    public async Task Without_reports_view_every_analytics_endpoint_is_403()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var rep = await w.Owner.AddMemberAsync("sales_rep");
        foreach (var path in new[] { "pipeline", "leads", "communication", "team", "marketing", "forecast", "spend", "drilldown?figure=won" })
            await (await rep.Client.GetAsync($"/api/v1/analytics/{path}")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PostAsJsonAsync("/api/v1/analytics/reports", new { dimensions = new[] { "source" } })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Another_workspace_sees_none_of_these_figures_and_cannot_name_its_pipeline()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var stranger = await app.RegisterAsync();
        var r = await stranger.GetJsonAsync($"/api/v1/analytics/pipeline?{October}");
        Assert.All(r["stages"]!.AsArray(), s => Assert.Equal(0, (int)s!["count"]!));
        Assert.Equal(0, (int)r["won"]!["count"]!);
        await (await stranger.Client.GetAsync($"/api/v1/analytics/pipeline?pipeline_id={w.PipelineId}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var drill = await stranger.GetJsonAsync($"/api/v1/analytics/drilldown?figure=won&{October}");
        Assert.Equal(0, (int)drill["total"]!);
    }

    [Fact]
    public async Task Bad_filters_are_400s_naming_the_parameter()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        await (await w.Owner.Client.GetAsync("/api/v1/analytics/leads?from=2026-10-31&to=2026-10-01")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await w.Owner.Client.GetAsync("/api/v1/analytics/leads?group_by=planet")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await w.Owner.Client.GetAsync("/api/v1/analytics/pipeline?from=yesterday")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await w.Owner.Client.GetAsync("/api/v1/analytics/forecast?commit_probability=101")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await w.Owner.Client.GetAsync("/api/v1/analytics/drilldown?figure=everything")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}

public sealed class AnalyticsReportsTestsOnSqlite(SqliteApp app) : AnalyticsReportsTests(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsReportsTestsOnPostgres(PostgresApp app) : AnalyticsReportsTests(app), IClassFixture<PostgresApp>;
