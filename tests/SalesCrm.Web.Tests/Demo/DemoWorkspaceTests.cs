using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Demo;

/// <summary>The app as the README's first command starts it: with the demo workspace.</summary>
public sealed class DemoApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Demo:Enabled", "true")];
}

public sealed class DemoWorkspaceTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_has_leads_activities_in_business_hours_and_whatsapp_conversations_some_unread()
    {
        _ = app.Services; // starts the host, which seeds the demo
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var tenant = await db.Tenants.SingleAsync(t => t.Name == "Demo Vendas");
        Assert.Equal(60, await db.Leads.IgnoreQueryFilters().CountAsync(l => l.TenantId == tenant.Id));

        var zone = WorkspaceTimeZones.Default;
        var dues = await db.Activities.IgnoreQueryFilters().Where(a => a.TenantId == tenant.Id).Select(a => a.DueAt).ToListAsync();
        Assert.NotEmpty(dues);
        Assert.All(dues, due => Assert.InRange(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(due, DateTimeKind.Utc), zone).Hour, 9, 17));

        var messages = await db.Messages.IgnoreQueryFilters().Where(m => m.TenantId == tenant.Id).ToListAsync();
        Assert.Equal(8, messages.Select(m => m.LeadId).Distinct().Count());
        Assert.Contains(messages, m => m.Direction == MessageDirection.Inbound && m.ReadAt == null);
        Assert.Contains(messages, m => m.Direction == MessageDirection.Outbound && m.Status == MessageStatus.Read);
    }

    [Fact]
    public async Task The_demo_conversations_are_on_their_leads_timelines_and_count_for_engagement_and_recency()
    {
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var tenant = await db.Tenants.SingleAsync(t => t.Name == "Demo Vendas");
        var messages = await db.Messages.IgnoreQueryFilters().Where(m => m.TenantId == tenant.Id).ToListAsync();
        var entries = await db.Interactions.IgnoreQueryFilters().Where(i => i.TenantId == tenant.Id && i.Type == InteractionType.Whatsapp).ToListAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains(entries, i => i.LeadId == m.LeadId && i.Text == m.Text && i.OccurredAt == m.CreatedAt));
        foreach (var chat in messages.GroupBy(m => m.LeadId))
        {
            var lead = await db.Leads.IgnoreQueryFilters().SingleAsync(l => l.Id == chat.Key);
            Assert.Equal(await db.Interactions.IgnoreQueryFilters().CountAsync(i => i.LeadId == lead.Id && i.Type != InteractionType.StatusChange), lead.InteractionCount);
            Assert.True(lead.LastInteractionAt >= chat.Max(m => m.CreatedAt), $"{lead.Name}: last contact {lead.LastInteractionAt:O}");
            // Every conversation is from the last two days: the score counts it as recent contact.
            Assert.True(JsonSerializer.Deserialize<Dictionary<string, int>>(lead.ScoreBreakdown)!["recency"] >= 15, $"{lead.Name}: {lead.ScoreBreakdown}");
        }
    }
}
