using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Insights;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Insights;

/// <summary>
/// A hand-built São Paulo workspace (BRL, pt-BR unless <c>culture</c>) that trips every rule once, as at <see cref="Now"/>
/// (default 2026-11-20 12:00Z = 09:00 local; the last 30 days are 21 Oct–19 Nov local, from 2026-10-21T03:00Z):
/// <list type="bullet">
/// <item>Hot leads: A (priority high, waiting 30 h, the rep's), B (score 80, waiting 80 h); not C (urgent, 10 h), D (cold, 50 h),
/// E (high, first contact answered by the owner in 5 min), F (high, won). → 2 leads, B then A, oldest 80 h, critical.</item>
/// <item>Contato → Qualificado: before, 8 of 10 exits forward (one at 2026-10-21T02:30Z = 20 Oct 23:30 local, so before);
/// last 30 days 4 of 10 (six lost, one at 2026-11-20T02:00Z = 19 Nov 23:00 local, so included). 80 % → 40 %, fell 50 %, high.</item>
/// <item>The rep answered 5 customers in 10 min each before and 5 in 30 min each lately: 3×, high. The owner: 4 replies lately, too few.</item>
/// <item>Overdue: O1 R$ 1.000 closing 1 Nov (19 days late), O2 US$ 100 closing 19 Nov; not O3 (closes today) nor O4 (won). → 2, R$ 1.000, medium.</item>
/// <item>Open BRL values 100, 200, 300, 1.000 (O1), 2.000 (S4, idle 20 days), 5.000 (S5, contacted 3 days ago): the 75th percentile is
/// 1.750 → S4 alone is stalled: 1 deal, R$ 2.000, medium.</item>
/// </list>
/// </summary>
public sealed record InsightsWorld(Session Owner, Session Rep, DateTime Now, Dictionary<string, Guid> Leads, Guid[] LostLately)
{
    public static readonly DateTime DefaultNow = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A workspace with a member whose role sees reports but only their own leads.</summary>
    public static async Task<InsightsWorld> CreateAsync(CrmAppFactory app, DateTime? now = null, string? culture = null)
    {
        var at = now ?? DefaultNow;
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own reports", capabilities = new[] { "leads.read", "leads.write", "reports.view" }, visibility = "own" }))
            .ExpectAsync(HttpStatusCode.Created);
        var rep = await owner.AddMemberAsync("Own reports");
        if (culture is not null) await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { culture })).ExpectAsync(HttpStatusCode.OK);
        var stages = (await owner.StagesAsync()).ToDictionary(s => s.Key, s => Guid.Parse(s.Value));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var pipelineId = await db.Stages.Where(s => s.Id == stages["Novo"]).Select(s => s.PipelineId).SingleAsync();
        var leads = new Dictionary<string, Guid>();
        Lead Lead(string name, Guid? ownerId = null, string stage = "Novo", long cents = 0, string currency = "BRL", LeadPriority priority = LeadPriority.Normal,
            int score = 0, DateOnly? close = null, double idleDays = 1, double? contactedDaysAgo = null)
        {
            var status = stage switch { "Ganho" => LeadStatus.Won, "Perdido" => LeadStatus.Lost, _ => LeadStatus.Open };
            var lead = new Lead
            {
                Name = name, OwnerId = ownerId ?? owner.UserId, PipelineId = pipelineId, StageId = stages[stage], ValueCents = cents, Currency = currency,
                Priority = priority, Score = score, ExpectedCloseDate = close, Status = status, CreatedAt = at.AddDays(-90), UpdatedAt = at.AddDays(-1),
                StageEnteredAt = at.AddDays(-idleDays), LastInteractionAt = contactedDaysAgo is { } d ? at.AddDays(-d) : null,
            };
            db.Leads.Add(lead);
            leads[name] = lead.Id;
            return lead;
        }
        void Wait(Lead lead, ResponseKind kind, DateTime since, double? minutes = null, Guid? by = null) => db.LeadResponses.Add(new LeadResponse
        {
            LeadId = lead.Id, Kind = kind, WaitingSince = since, RespondedAt = minutes is null ? null : since.AddMinutes(minutes.Value), ResponderId = by,
            Channel = minutes is null ? null : "whatsapp", Seconds = minutes is null ? null : (long)(minutes * 60),
        });

        Wait(Lead("A", rep.UserId, priority: LeadPriority.High), ResponseKind.Inbound, at.AddHours(-30));
        Wait(Lead("B", score: 80), ResponseKind.FirstContact, at.AddHours(-80));
        Wait(Lead("C", priority: LeadPriority.Urgent), ResponseKind.Inbound, at.AddHours(-10));
        Wait(Lead("D", score: 10), ResponseKind.Inbound, at.AddHours(-50));
        Wait(Lead("E", priority: LeadPriority.High), ResponseKind.FirstContact, at.AddHours(-40), 5, owner.UserId);
        Wait(Lead("F", stage: "Ganho", priority: LeadPriority.High), ResponseKind.Inbound, at.AddHours(-40));

        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, zone));
        DateTime Local(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var current = Local(today.AddDays(-30), 0);
        var lost = new List<Guid>();
        void Exit(string name, string to, DateTime when)
        {
            var lead = Lead(name, stage: to);
            db.LeadStageHistory.Add(new LeadStageHistory
            {
                LeadId = lead.Id, PipelineId = pipelineId, FromStageId = stages["Contato"], ToStageId = stages[to], FromStatus = LeadStatus.Open,
                ToStatus = lead.Status, At = when, OwnerId = lead.OwnerId, SecondsInFromStage = 86400,
            });
            if (to == "Perdido" && when >= current) lost.Add(lead.Id);
        }
        for (var i = 0; i < 7; i++) Exit($"P{i}", "Qualificado", current.AddDays(-20 + i));
        Exit("P7", "Qualificado", current.AddMinutes(-30));
        for (var i = 8; i < 10; i++) Exit($"P{i}", "Perdido", current.AddDays(-25 + i));
        for (var i = 0; i < 4; i++) Exit($"N{i}", "Qualificado", current.AddDays(2 + i));
        for (var i = 4; i < 9; i++) Exit($"N{i}", "Perdido", current.AddDays(2 + i));
        Exit("N9", "Perdido", Local(today.AddDays(-1), 23));

        var answered = Lead("R");
        for (var i = 0; i < 5; i++) Wait(answered, ResponseKind.Inbound, current.AddDays(-10 - i), 10, rep.UserId);
        for (var i = 0; i < 5; i++) Wait(answered, ResponseKind.Inbound, current.AddDays(3 + i), 30, rep.UserId);
        for (var i = 0; i < 5; i++) Wait(answered, ResponseKind.Inbound, current.AddDays(-10 - i), 1, owner.UserId);
        for (var i = 0; i < 4; i++) Wait(answered, ResponseKind.Inbound, current.AddDays(3 + i), 100, owner.UserId);

        Lead("O1", cents: 100_000, close: today.AddDays(-19));
        Lead("O2", cents: 10_000, currency: "USD", close: today.AddDays(-1));
        Lead("O3", close: today);
        Lead("O4", stage: "Ganho", cents: 50_000, close: today.AddDays(-5));

        Lead("S1", cents: 10_000, contactedDaysAgo: 1);
        Lead("S2", cents: 20_000, contactedDaysAgo: 1);
        Lead("S3", cents: 30_000, idleDays: 40);
        Lead("S4", cents: 200_000, idleDays: 20);
        Lead("S5", cents: 500_000, idleDays: 30, contactedDaysAgo: 3);
        await db.SaveChangesAsync();
        return new InsightsWorld(owner, rep, at, leads, lost.ToArray());
    }

    /// <summary>A (not yet started) client of <c>/hubs/insights</c> connecting with <paramref name="session"/>'s token.</summary>
    public static HubConnection HubClient(CrmAppFactory app, Session session) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/insights"), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.AccessTokenProvider = () => Task.FromResult<string?>(session.AccessToken);
            o.Transports = HttpTransportType.LongPolling;
        }).Build();

    /// <summary>Stores a plain open insight of this workspace (no rule wrote it; <paramref name="title"/> as its texts) and returns its id.</summary>
    public async Task<Guid> AddInsightAsync(CrmAppFactory app, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(Owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var insight = new Insight
        {
            TenantId = Owner.TenantId, Kind = InsightKind.StalledHighValue, Title = title, Description = title, Recommendation = title,
            Priority = InsightPriority.Low, DedupeKey = $"test:{Guid.NewGuid():N}", GeneratedAt = DateTime.UtcNow.AddDays(-2),
        };
        db.Insights.Add(insight);
        await db.SaveChangesAsync();
        return insight.Id;
    }

    /// <summary>Runs the rules for this workspace as at <paramref name="now"/> (default <see cref="Now"/>), as the daily job does.</summary>
    public async Task<IReadOnlyList<Insight>> GenerateAsync(CrmAppFactory app, DateTime? now = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightSweep>().RunAsync(Owner.TenantId, now ?? Now);
    }
}
