using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Home;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Home;

/// <summary>The home page's day through <see cref="MyDayService"/>: own activities, and over visible leads unread conversations, rotting deals and today's leads.</summary>
public abstract class MyDayTests(CrmAppFactory app)
{
    [Fact]
    public async Task A_rep_who_sees_only_their_leads_gets_their_own_day_and_the_owner_the_whole_workspace()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var stages = await owner.StagesAsync(); // "Novo" rots after 3 days
        var repLead = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Lead da Carla", stage_id = stages["Novo"], owner_id = rep.UserId }))["id"]!);
        var ownerLead = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Lead da Olivia", stage_id = stages["Novo"] }))["id"]!);
        var oldLead = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Lead antigo", stage_id = stages["Contato"], owner_id = rep.UserId }))["id"]!);
        var now = DateTime.UtcNow;
        var dues = new[] { now.AddDays(-1), now.AddMinutes(-1) };
        foreach (var due in dues)
            await (await rep.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = repLead, type = "call", title = "Ligar", due_at = due })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = ownerLead, type = "task", title = "Proposta", due_at = now.AddHours(-3) })).ExpectAsync(HttpStatusCode.Created);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            // Idle for ten days in a stage that rots after three; the third lead arrived two days ago and moved on since.
            await db.Leads.Where(l => l.Id == repLead || l.Id == ownerLead).ExecuteUpdateAsync(u => u.SetProperty(l => l.StageEnteredAt, now.AddDays(-10)));
            await db.Leads.Where(l => l.Id == oldLead).ExecuteUpdateAsync(u => u.SetProperty(l => l.CreatedAt, now.AddDays(-2)));
            Message Inbound(Guid lead, DateTime? readAt) => new()
            {
                TenantId = owner.TenantId, LeadId = lead, Direction = MessageDirection.Inbound, Text = "Oi", Status = MessageStatus.Received,
                CreatedAt = now.AddMinutes(-5), StoredAt = now.AddMinutes(-5), ReadAt = readAt,
            };
            db.Messages.AddRange(Inbound(repLead, null), Inbound(repLead, null), Inbound(repLead, now), Inbound(ownerLead, null));
            await db.SaveChangesAsync();
        }

        var zone = WorkspaceTimeZones.Default;
        var repDay = await rep.AsMemberAsync(sp => sp.GetRequiredService<MyDayService>().GetAsync(zone));
        Assert.Equal(2, repDay.Overdue.Count);
        var localToday = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        Assert.Equal(dues.Count(d => TimeZoneInfo.ConvertTimeFromUtc(d, zone).Date == localToday), repDay.DueToday.Count);
        Assert.Equal(2, repDay.Activities(5).Count);
        Assert.All(repDay.Activities(5), a => Assert.Equal(repLead, a.LeadId));
        Assert.Equal((1, 2), (repDay.Conversations.Count, repDay.UnreadMessages.Count));
        Assert.Equal(("Lead da Carla", 2), (repDay.Conversations.Items[0].LeadName, repDay.Conversations.Items[0].Unread));
        Assert.Equal(["Lead da Carla"], repDay.RottingDeals.Items.Select(l => l.Name));
        Assert.Equal(("Novo", 1), (repDay.RottingDeals.Items[0].Stage, repDay.RottingDeals.Count));
        Assert.Equal(["Lead da Carla"], repDay.NewLeads.Items.Select(l => l.Name));

        var ownerDay = await owner.AsMemberAsync(sp => sp.GetRequiredService<MyDayService>().GetAsync(zone));
        Assert.Equal(1, ownerDay.Overdue.Count); // activities are the member's own, whatever they may see
        Assert.Equal((2, 3), (ownerDay.Conversations.Count, ownerDay.UnreadMessages.Count));
        Assert.False(ownerDay.RottingDeals.Capped);
        Assert.Equal(2, ownerDay.RottingDeals.Count);
        Assert.Equal(["Lead da Carla", "Lead da Olivia"], ownerDay.NewLeads.Items.Select(l => l.Name).Order());
    }

    [Fact]
    public async Task Counts_stop_at_the_cap_so_a_huge_workspace_costs_what_a_small_one_does()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var pipeline = await db.Stages.Where(s => s.Id == Guid.Parse(stages["Proposta"])).Select(s => s.PipelineId).SingleAsync();
            var now = DateTime.UtcNow;
            db.Leads.AddRange(Enumerable.Range(0, MyDayService.CountCap + 5).Select(i => new SalesCrm.Core.Leads.Lead
            {
                TenantId = owner.TenantId, Name = $"Lead {i}", PipelineId = pipeline, StageId = Guid.Parse(stages["Proposta"]), OwnerId = owner.UserId,
                CreatedAt = now.AddSeconds(-i), UpdatedAt = now, StageEnteredAt = now,
            }));
            await db.SaveChangesAsync();
        }
        var day = await owner.AsMemberAsync(sp => sp.GetRequiredService<MyDayService>().GetAsync(WorkspaceTimeZones.Default));
        Assert.Equal((MyDayService.CountCap, true), (day.NewLeads.Count, day.NewLeads.Capped));
        Assert.Equal(["Lead 0", "Lead 1", "Lead 2", "Lead 3", "Lead 4"], day.NewLeads.Items.Select(l => l.Name));
        Assert.Equal((0, false), (day.RottingDeals.Count, day.RottingDeals.Capped));
    }

    [Fact]
    public async Task A_member_who_cannot_read_leads_has_no_day_to_read()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Só configurações", capabilities = new[] { "settings.manage" } })).ExpectAsync(HttpStatusCode.Created);
        var admin = await owner.AddMemberAsync("Só configurações");
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.AsMemberAsync(sp => sp.GetRequiredService<MyDayService>().GetAsync(WorkspaceTimeZones.Default)));
    }
}

public sealed class MyDayTestsOnSqlite(SqliteApp app) : MyDayTests(app), IClassFixture<SqliteApp>;

public sealed class MyDayTestsOnPostgres(PostgresApp app) : MyDayTests(app), IClassFixture<PostgresApp>;
