using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// The communication figures' drill-down (<c>figure=template</c>, <c>figure=messages</c>) on <see cref="AnalyticsWorld"/> with these messages
/// (São Paulo, UTC−3; 5 October 2026 is a Monday):
/// <list type="bullet">
/// <item>Template "boas_vindas": L1 read 10-05 13:00Z and delivered 10-06 13:00Z; L3 sent 10-10 13:00Z; L4 delivered 10-12 13:00Z; L5 failed 10-15 13:00Z.</item>
/// <item>Inbound: L1 10-05 14:00Z (Mon 11h, a reply to the read send); L3 10-12 13:00Z (Mon 10h, over 24 h after its send); L2 10-19 14:30Z and
/// 14:45Z (Mon 11h); L4 10-07 02:00Z (Tue 6 October 23h in São Paulo, Wednesday in UTC).</item>
/// <item>Outbound besides the template: L2 10-19 15:00Z.</item>
/// </list>
/// So: sent 4 (leads L1, L3, L4), delivered 3 (L1, L4), read 1 (L1), replied 1 (L1); in 5 messages from 4 leads, out 6 from 5; Monday 11h 3 messages from 2 leads.
/// </summary>
public abstract class CommunicationDrillDownTests(CrmAppFactory app)
{
    private const string October = "from=2026-10-01&to=2026-10-31";

    private sealed record World(AnalyticsWorld Base, Guid TemplateId)
    {
        public Session Owner => Base.Owner;
        public Session Rep => Base.Rep;
    }

    private async Task<World> CreateAsync()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(w.Owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var template = new MessageTemplate { Name = "boas_vindas", Body = "Olá {{1}}", CreatedAt = AnalyticsWorld.Oct, UpdatedAt = AnalyticsWorld.Oct };
        db.MessageTemplates.Add(template);
        var (l1, l2, l3, l4, l5) = (w.Leads[0], w.Leads[1], w.Leads[2], w.Leads[3], w.Leads[4]);
        void Add(Guid lead, MessageDirection direction, DateTime at, MessageStatus status, bool viaTemplate = false) => db.Messages.Add(new Message
        {
            LeadId = lead, Direction = direction, Status = status, Text = "oi", CreatedAt = at, StoredAt = at,
            TemplateId = viaTemplate ? template.Id : null,
        });
        var oct = AnalyticsWorld.Oct;
        Add(l1, MessageDirection.Outbound, oct.AddDays(4).AddHours(13), MessageStatus.Read, true);
        Add(l1, MessageDirection.Outbound, oct.AddDays(5).AddHours(13), MessageStatus.Delivered, true);
        Add(l3, MessageDirection.Outbound, oct.AddDays(9).AddHours(13), MessageStatus.Sent, true);
        Add(l4, MessageDirection.Outbound, oct.AddDays(11).AddHours(13), MessageStatus.Delivered, true);
        Add(l5, MessageDirection.Outbound, oct.AddDays(14).AddHours(13), MessageStatus.Failed, true);
        Add(l1, MessageDirection.Inbound, oct.AddDays(4).AddHours(14), MessageStatus.Received);
        Add(l3, MessageDirection.Inbound, oct.AddDays(11).AddHours(13), MessageStatus.Received);
        Add(l2, MessageDirection.Inbound, oct.AddDays(18).AddHours(14.5), MessageStatus.Received);
        Add(l2, MessageDirection.Inbound, oct.AddDays(18).AddHours(14.75), MessageStatus.Received);
        Add(l4, MessageDirection.Inbound, oct.AddDays(6).AddHours(2), MessageStatus.Received);
        Add(l2, MessageDirection.Outbound, oct.AddDays(18).AddHours(15), MessageStatus.Delivered);
        await db.SaveChangesAsync();
        return new World(w, template.Id);
    }

    private static async Task<List<string>> NamesAsync(Session who, string url)
    {
        var page = await who.GetJsonAsync(url);
        return page["items"]!.AsArray().Select(l => (string)l!["name"]!).Order().ToList();
    }

    private static JsonNode Cell(JsonNode report, int day, int hour) =>
        report["busiest_hours"]!.AsArray().Single(c => (int)c!["day_of_week"]! == day && (int)c["hour"]! == hour)!;

    /// <summary>Every lead count the communication report gives (messages in/out, each template status, each cell) against its drill-down's total.</summary>
    private static async Task AssertEveryDrillMatchesAsync(Session who, JsonNode report)
    {
        var figures = new List<JsonNode> { report["whatsapp"]!["inbound_leads"]!, report["whatsapp"]!["outbound_leads"]! };
        foreach (var t in report["templates"]!.AsArray())
            figures.AddRange(new[] { "sent", "delivered", "read", "replied" }.Select(s => t!["leads"]![s]!));
        figures.AddRange(report["busiest_hours"]!.AsArray().Where(c => (int)c!["inbound"]! > 0).Select(c => c!["leads"]!));
        figures.Add(Cell(report, 0, 3)["leads"]!); // an empty cell
        foreach (var figure in figures)
            Assert.True((int)figure["count"]! == (int)(await who.GetJsonAsync((string)figure["url"]!))["total"]!, (string)figure["url"]!);
    }

    [Fact]
    public async Task Each_template_status_drills_down_to_the_leads_whose_send_reached_it_and_counts_as_many_as_the_report_says()
    {
        var w = await CreateAsync();
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        var t = Assert.Single(r["templates"]!.AsArray())!;
        Assert.Equal((4, 3, 1, 1, 1), ((int)t["sent"]!, (int)t["delivered"]!, (int)t["read"]!, (int)t["replied"]!, (int)t["failed"]!));
        Assert.Equal(["L1", "L3", "L4"], await NamesAsync(w.Owner, (string)t["leads"]!["sent"]!["url"]!));
        Assert.Equal(["L1", "L4"], await NamesAsync(w.Owner, (string)t["leads"]!["delivered"]!["url"]!));
        Assert.Equal(["L1"], await NamesAsync(w.Owner, (string)t["leads"]!["read"]!["url"]!));
        Assert.Equal(["L1"], await NamesAsync(w.Owner, (string)t["leads"]!["replied"]!["url"]!));
        Assert.Equal((3, 2, 1, 1), ((int)t["leads"]!["sent"]!["count"]!, (int)t["leads"]!["delivered"]!["count"]!, (int)t["leads"]!["read"]!["count"]!, (int)t["leads"]!["replied"]!["count"]!));
        await AssertEveryDrillMatchesAsync(w.Owner, r);
    }

    [Fact]
    public async Task A_drill_down_pages_newest_leads_first_and_its_pages_join_into_the_whole_list()
    {
        var w = await CreateAsync();
        var url = $"/api/v1/analytics/drilldown?figure=messages&direction=out&{October}";
        var whole = (await w.Owner.GetJsonAsync(url))["items"]!.AsArray().Select(l => ((string)l!["name"]!, (DateTime)l["created_at"]!)).ToList();
        Assert.Equal(5, whole.Count);
        Assert.Equal(whole.OrderByDescending(l => l.Item2).ToList(), whole);
        var paged = new List<(string, DateTime)>();
        foreach (var offset in new[] { 0, 2, 4 })
        {
            var page = await w.Owner.GetJsonAsync($"{url}&limit=2&offset={offset}");
            Assert.Equal(5, (int)page["total"]!);
            paged.AddRange(page["items"]!.AsArray().Select(l => ((string)l!["name"]!, (DateTime)l["created_at"]!)));
        }
        Assert.Equal(whole, paged);
        var past = await w.Owner.GetJsonAsync($"{url}&limit=2&offset=5");
        Assert.Equal(5, (int)past["total"]!);
        Assert.Empty(past["items"]!.AsArray());
    }

    [Fact]
    public async Task Messages_in_and_out_and_each_busiest_hour_cell_drill_down_to_the_leads_who_wrote_then_in_the_workspaces_zone()
    {
        var w = await CreateAsync();
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        Assert.Equal((5, 6), ((int)r["whatsapp"]!["inbound"]!, (int)r["whatsapp"]!["outbound"]!));
        Assert.Equal(["L1", "L2", "L3", "L4"], await NamesAsync(w.Owner, (string)r["whatsapp"]!["inbound_leads"]!["url"]!));
        Assert.Equal(["L1", "L2", "L3", "L4", "L5"], await NamesAsync(w.Owner, (string)r["whatsapp"]!["outbound_leads"]!["url"]!));
        var monday11 = Cell(r, 1, 11);
        Assert.Equal((3, 2), ((int)monday11["inbound"]!, (int)monday11["leads"]!["count"]!));
        Assert.Equal(["L1", "L2"], await NamesAsync(w.Owner, (string)monday11["leads"]!["url"]!));
        Assert.Equal(["L3"], await NamesAsync(w.Owner, (string)Cell(r, 1, 10)["leads"]!["url"]!));
        // L4 wrote on Tuesday at 23h in São Paulo (Wednesday 02h UTC).
        Assert.Equal(["L4"], await NamesAsync(w.Owner, (string)Cell(r, 2, 23)["leads"]!["url"]!));
        Assert.Equal(0, (int)Cell(r, 3, 2)["inbound"]!);
        Assert.Empty(await NamesAsync(w.Owner, $"/api/v1/analytics/drilldown?figure=messages&direction=in&weekday=3&hour=2&{October}"));
        await AssertEveryDrillMatchesAsync(w.Owner, r);
    }

    [Fact]
    public async Task A_busiest_hour_follows_the_workspaces_clock_across_a_daylight_saving_change_inside_the_period()
    {
        var w = await CreateAsync();
        // New York leaves daylight saving on Sunday 1 November 2026: 11h on the Mondays before and after is 15:00Z and 16:00Z.
        await (await w.Owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { time_zone = "America/New_York" })).ExpectAsync(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(w.Owner.TenantId, ActorType.System, "test"));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            foreach (var (lead, at) in new[] { (w.Base.Leads[0], new DateTime(2026, 10, 26, 15, 0, 0, DateTimeKind.Utc)), (w.Base.Leads[4], new DateTime(2026, 11, 2, 16, 0, 0, DateTimeKind.Utc)) })
                db.Messages.Add(new Message { LeadId = lead, Direction = MessageDirection.Inbound, Status = MessageStatus.Received, Text = "oi", CreatedAt = at, StoredAt = at });
            await db.SaveChangesAsync();
        }
        var r = await w.Owner.GetJsonAsync("/api/v1/analytics/communication?from=2026-10-25&to=2026-11-07");
        var monday11 = Cell(r, 1, 11);
        Assert.Equal((2, 2), ((int)monday11["inbound"]!, (int)monday11["leads"]!["count"]!));
        Assert.Equal(["L1", "L5"], await NamesAsync(w.Owner, (string)monday11["leads"]!["url"]!));
        Assert.Equal((0, 0), ((int)Cell(r, 1, 10)["inbound"]!, (int)Cell(r, 1, 12)["inbound"]!));
        await AssertEveryDrillMatchesAsync(w.Owner, r);
    }

    [Fact]
    public async Task A_deleted_leads_messages_still_count_as_traffic_but_not_as_leads_and_the_drill_down_agrees()
    {
        var w = await CreateAsync();
        await (await w.Owner.Client.DeleteAsync($"/api/v1/leads/{w.Base.Leads[1]}")).ExpectAsync(HttpStatusCode.NoContent);
        var r = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        Assert.Equal((5, 3), ((int)r["whatsapp"]!["inbound"]!, (int)r["whatsapp"]!["inbound_leads"]!["count"]!));
        Assert.Equal((3, 1), ((int)Cell(r, 1, 11)["inbound"]!, (int)Cell(r, 1, 11)["leads"]!["count"]!));
        await AssertEveryDrillMatchesAsync(w.Owner, r);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_leads_gets_their_own_counts_and_drill_downs()
    {
        var w = await CreateAsync();
        var r = await w.Rep.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        var t = Assert.Single(r["templates"]!.AsArray())!;
        Assert.Equal(["L1", "L3"], await NamesAsync(w.Rep, (string)t["leads"]!["sent"]!["url"]!));
        Assert.Equal((1, 1), ((int)Cell(r, 1, 11)["inbound"]!, (int)Cell(r, 1, 11)["leads"]!["count"]!));
        await AssertEveryDrillMatchesAsync(w.Rep, r);
        // The owner's URLs read by the rep: still only the rep's leads.
        var owners = await w.Owner.GetJsonAsync($"/api/v1/analytics/communication?{October}");
        Assert.Equal(["L1"], await NamesAsync(w.Rep, (string)Cell(owners, 1, 11)["leads"]!["url"]!));
        Assert.Equal(["L1", "L3"], await NamesAsync(w.Rep, (string)owners["whatsapp"]!["inbound_leads"]!["url"]!));
    }

    [Fact]
    public async Task Another_workspace_naming_this_template_or_hour_sees_no_leads()
    {
        var w = await CreateAsync();
        var stranger = await app.RegisterAsync();
        Assert.Equal(0, (int)(await stranger.GetJsonAsync($"/api/v1/analytics/drilldown?figure=template&template_id={w.TemplateId}&status=sent&{October}"))["total"]!);
        Assert.Equal(0, (int)(await stranger.GetJsonAsync($"/api/v1/analytics/drilldown?figure=messages&direction=in&weekday=1&hour=11&{October}"))["total"]!);
        Assert.Empty((await stranger.GetJsonAsync($"/api/v1/analytics/communication?{October}"))["templates"]!.AsArray());
    }

    [Theory]
    [InlineData("figure=template&status=sent", "template_id")]
    [InlineData("figure=template&template_id=6a1b0f5e-0000-7000-8000-000000000001&status=opened", "status")]
    [InlineData("figure=messages", "direction")]
    [InlineData("figure=messages&direction=sideways", "direction")]
    [InlineData("figure=messages&direction=in&weekday=1", "hour")]
    [InlineData("figure=messages&direction=in&hour=3", "weekday")]
    [InlineData("figure=messages&direction=in&weekday=7&hour=3", "weekday")]
    [InlineData("figure=messages&direction=in&weekday=1&hour=24", "hour")]
    public async Task A_message_drill_down_without_its_parameters_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var w = await CreateAsync();
        var problem = await (await w.Owner.Client.GetAsync($"/api/v1/analytics/drilldown?{query}&{October}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]![parameter]);
    }
}

public sealed class CommunicationDrillDownTestsOnSqlite(SqliteApp app) : CommunicationDrillDownTests(app), IClassFixture<SqliteApp>;

public sealed class CommunicationDrillDownTestsOnPostgres(PostgresApp app) : CommunicationDrillDownTests(app), IClassFixture<PostgresApp>;
