using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Demo;

/// <summary>The app as the README's first command starts it: with the demo workspace. Keeps the warnings it logs.</summary>
public sealed class DemoApp() : CrmAppFactory(TestProvider.Sqlite)
{
    public ConcurrentQueue<(string Category, EventId Id, string Message)> Warnings { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Demo:Enabled", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(Warnings)));
    }

    private sealed class WarningCollector(ConcurrentQueue<(string, EventId, string)> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, warnings);
        public void Dispose() { }

        private sealed class Collector(string category, ConcurrentQueue<(string, EventId, string)> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) warnings.Enqueue((category, eventId, formatter(state, exception)));
            }
        }
    }
}

public sealed class DemoWorkspaceTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<Guid> DemoTenantAsync()
    {
        _ = app.Services; // starts the host, which seeds the demo
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return (await db.Tenants.SingleAsync(t => t.Name == DemoWorkspace.Name)).Id;
    }

    [Fact]
    public async Task The_demo_workspace_has_its_playbook_published_and_searchable()
    {
        var tenantId = await DemoTenantAsync();
        var files = DemoPlaybook.Files().ToList();
        Assert.True(files.Count >= 20, $"{files.Count} playbook files embedded");
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var documents = await db.KnowledgeDocuments.IgnoreQueryFilters().Where(d => d.TenantId == tenantId).ToListAsync();
            Assert.Equal(files.Count, documents.Count);
            Assert.All(documents, d => Assert.Equal(SalesCrm.Core.Knowledge.KnowledgeDocumentStatus.Published, d.Status));
            Assert.Contains(documents, d => d.Type == SalesCrm.Core.Knowledge.KnowledgeDocumentType.ObjectionHandler && d.Metadata.PipelineStage is not null);
        }
        var owner = await OwnerAsync(tenantId);
        var hits = await InTenantAsync(tenantId, owner, sp => sp.GetRequiredService<SalesCrm.Core.Knowledge.IKnowledgeSearch>().SearchAsync(new("tá caro")));
        Assert.Contains("caro", hits[0].DocumentTitle);
    }

    private async Task<Guid> OwnerAsync(Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId).OrderBy(m => m.CreatedAt).Select(m => m.UserId).FirstAsync();
    }

    private async Task<T> InTenantAsync<T>(Guid tenantId, Guid userId, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(new SalesCrm.Core.Common.FixedCurrentUser(tenantId, userId));
        return await call(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_demo_has_leads_activities_in_business_hours_and_whatsapp_conversations_some_unread()
    {
        var tenantId = await DemoTenantAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.Equal(60, await db.Leads.IgnoreQueryFilters().CountAsync(l => l.TenantId == tenantId));

        var zone = WorkspaceTimeZones.Default;
        var dues = await db.Activities.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).Select(a => a.DueAt).ToListAsync();
        Assert.NotEmpty(dues);
        Assert.All(dues, due => Assert.True(BusinessHours.Contains(due, zone)));

        // The seeded conversations (another test of this fixture sends a template now).
        var messages = await db.Messages.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.ProviderMessageId!.StartsWith("wamid.demo.")).ToListAsync();
        Assert.Equal(8, messages.Select(m => m.LeadId).Distinct().Count());
        Assert.All(messages, m => Assert.True(BusinessHours.Contains(m.CreatedAt, zone)));
        Assert.Contains(messages, m => m.Direction == MessageDirection.Inbound && m.ReadAt == null);
        Assert.Contains(messages, m => m.Direction == MessageDirection.Outbound && m.Status == MessageStatus.Read);
    }

    [Fact]
    public async Task Every_demo_member_with_activities_finds_one_overdue_and_on_a_working_day_one_due_today()
    {
        var tenantId = await DemoTenantAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var zone = WorkspaceTimeZones.Default;
        var now = DateTime.UtcNow;
        var today = BusinessHours.ToLocal(now, zone).Date;
        var byMember = (await db.Activities.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).ToListAsync()).GroupBy(a => a.AssigneeId).ToList();
        Assert.Equal(4, byMember.Count);
        foreach (var mine in byMember)
        {
            Assert.Contains(mine, a => a.DueAt < now);
            if (today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                Assert.Contains(mine, a => BusinessHours.ToLocal(a.DueAt, zone).Date == today);
        }
    }

    [Fact]
    public async Task Demo_passwords_can_be_reset_from_the_console_and_a_lead_outside_the_window_answered_with_an_approved_template()
    {
        var tenantId = await DemoTenantAsync();
        var console = new StringWriter();
        Assert.Equal(0, await DemoPasswords.ResetAsync(app.Services, console));
        var lines = console.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var owner = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(p => p.Length == 3 && p[0] == "owner");
        Assert.Equal(4, lines.Count(l => l.Contains("@demo.salescrm.local", StringComparison.Ordinal)));
        var session = await app.LoginAsync(owner[1], owner[2]);
        Assert.Equal(tenantId, session.TenantId);

        var templates = (await (await session.Client.GetAsync("/api/v1/templates")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        var approved = templates.First(t => (string?)t!["status"] == "approved" && (string?)t["name"] == "retomar_contato")!;
        Guid leadOutsideWindow;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var lastInbound = await db.Messages.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.Direction == MessageDirection.Inbound)
                .GroupBy(m => m.LeadId).Select(g => new { LeadId = g.Key, Last = g.Max(m => m.CreatedAt) }).ToListAsync();
            leadOutsideWindow = lastInbound.First(x => DateTime.UtcNow - x.Last > OutboundMessageService.CustomerServiceWindow).LeadId;
        }
        await (await session.Client.PostAsJsonAsync($"/api/v1/leads/{leadOutsideWindow}/messages", new { text = "Oi" })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        var sent = await (await session.Client.PostAsJsonAsync($"/api/v1/leads/{leadOutsideWindow}/messages", new { template_id = approved["id"]!.GetValue<string>() }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.StartsWith("Olá, ", (string?)sent["text"]);
    }

    [Fact]
    public async Task A_later_start_says_how_to_get_new_demo_passwords()
    {
        await DemoTenantAsync();
        var console = new StringWriter();
        await app.Services.SeedDemoWorkspaceAsync(console);
        Assert.Contains("-- demo reset-passwords", console.ToString());
        Assert.Contains("owner@demo.salescrm.local", console.ToString());
    }

    [Fact]
    public async Task Starting_with_the_demo_and_opening_its_home_page_logs_no_entity_framework_query_warning()
    {
        await DemoTenantAsync();
        await app.Services.SeedDemoWorkspaceAsync(TextWriter.Null); // a later start's checks run too
        // The first page a member sees: their day (activities, unread conversations, rotting deals, today's leads).
        var console = new StringWriter();
        await DemoPasswords.ResetAsync(app.Services, console);
        var owner = console.ToString().Split('\n', StringSplitOptions.TrimEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(p => p.Length == 3 && p[0] == "owner");
        var session = await app.LoginAsync(owner[1], owner[2]);
        var day = await session.AsMemberAsync(sp => sp.GetRequiredService<SalesCrm.Core.Home.MyDayService>().GetAsync(WorkspaceTimeZones.Default));
        Assert.True(day.Overdue.Count > 0);
        Assert.DoesNotContain(app.Warnings, w => w.Category.StartsWith("Microsoft.EntityFrameworkCore.Query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_conversations_are_on_their_leads_timelines_and_count_for_engagement_and_recency()
    {
        await DemoTenantAsync();
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
            // A conversation of the last two days counts as recent contact in the score.
            if (DateTime.UtcNow - chat.Max(m => m.CreatedAt) < TimeSpan.FromDays(2))
                Assert.True(JsonSerializer.Deserialize<Dictionary<string, int>>(lead.ScoreBreakdown)!["recency"] >= 15, $"{lead.Name}: {lead.ScoreBreakdown}");
        }
    }
}
