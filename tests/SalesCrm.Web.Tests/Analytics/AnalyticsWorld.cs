using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// The hand-computed workspace the report tests read (São Paulo, BRL; October 2026 is 2026-10-01T03:00Z to 2026-11-01T03:00Z):
/// <list type="bullet">
/// <item>L1 rep's, Novo, R$ 1.000, whatsapp, created 10-05 12:00Z; first reply after 30 min; an inbound message answered in 10 min; closes 2026-12-15.</item>
/// <item>L2 owner's, Proposta, R$ 2.000, instagram, created 10-01 02:30Z = 30 Sept 23:30 in São Paulo (September!); Novo 2 days, Contato 4 days; closes 2027-01-10.</item>
/// <item>L3 rep's, won 10-20 12:00Z after 10 days in Novo, R$ 3.000, whatsapp; first reply after 3 h.</item>
/// <item>L4 owner's, lost ("Preço") 10-14 12:00Z after 2 days in Novo, R$ 500, referral; never answered.</item>
/// <item>L5 owner's, Novo, US$ 100, whatsapp, created 10-15; not contacted; close date 2026-06-01 (overdue).</item>
/// </list>
/// </summary>
public sealed record AnalyticsWorld(Session Owner, Session Rep, Dictionary<string, Guid> Stages, Guid PipelineId, Guid[] Leads)
{
    public static readonly DateTime Oct = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The owner's workspace with a member whose role sees reports but only their own leads.</summary>
    public static async Task<AnalyticsWorld> CreateAsync(CrmAppFactory app)
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own reports", capabilities = new[] { "leads.read", "leads.write", "reports.view" }, visibility = "own" }))
            .ExpectAsync(HttpStatusCode.Created);
        var rep = await owner.AddMemberAsync("Own reports");
        var stages = (await owner.StagesAsync()).ToDictionary(s => s.Key, s => Guid.Parse(s.Value));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var pipelineId = await db.Stages.Where(s => s.Id == stages["Novo"]).Select(s => s.PipelineId).SingleAsync();
        Lead Lead(string name, Guid owner, string stage, long cents, string currency, LeadSource source, DateTime created, DateOnly? close = null)
        {
            var status = stage switch { "Ganho" => LeadStatus.Won, "Perdido" => LeadStatus.Lost, _ => LeadStatus.Open };
            var lead = new Lead
            {
                Name = name, OwnerId = owner, PipelineId = pipelineId, StageId = stages[stage], ValueCents = cents,
                Currency = currency, Source = source, CreatedAt = created, UpdatedAt = created, StageEnteredAt = created, Status = status,
                LostReason = status == LeadStatus.Lost ? "Preço" : null, ExpectedCloseDate = close,
            };
            db.Leads.Add(lead);
            return lead;
        }
        var l1 = Lead("L1", rep.UserId, "Novo", 100_000, "BRL", LeadSource.Whatsapp, Oct.AddDays(4).AddHours(12), new DateOnly(2026, 12, 15));
        var l2 = Lead("L2", owner.UserId, "Proposta", 200_000, "BRL", LeadSource.Instagram, Oct.AddHours(2.5), new DateOnly(2027, 1, 10));
        var l3 = Lead("L3", rep.UserId, "Ganho", 300_000, "BRL", LeadSource.Whatsapp, Oct.AddDays(9).AddHours(12));
        var l4 = Lead("L4", owner.UserId, "Perdido", 50_000, "BRL", LeadSource.Referral, Oct.AddDays(11).AddHours(12));
        var l5 = Lead("L5", owner.UserId, "Novo", 10_000, "USD", LeadSource.Whatsapp, Oct.AddDays(14).AddHours(12), new DateOnly(2026, 6, 1));
        void Move(Lead lead, string? from, string to, DateTime at, double? days = null) => db.LeadStageHistory.Add(new LeadStageHistory
        {
            LeadId = lead.Id, PipelineId = pipelineId, FromStageId = from is null ? null : stages[from], ToStageId = stages[to],
            FromStatus = from is null ? null : LeadStatus.Open, ToStatus = to switch { "Ganho" => LeadStatus.Won, "Perdido" => LeadStatus.Lost, _ => LeadStatus.Open },
            LostReason = to == "Perdido" ? "Preço" : null, At = at, OwnerId = lead.OwnerId, ValueCents = lead.ValueCents, Currency = lead.Currency,
            SecondsInFromStage = days is null ? null : (long)(days * 86400),
        });
        Move(l1, null, "Novo", l1.CreatedAt);
        Move(l2, null, "Novo", l2.CreatedAt);
        Move(l2, "Novo", "Contato", l2.CreatedAt.AddDays(2), 2);
        Move(l2, "Contato", "Proposta", l2.CreatedAt.AddDays(6), 4);
        Move(l3, null, "Novo", l3.CreatedAt);
        Move(l3, "Novo", "Ganho", l3.CreatedAt.AddDays(10), 10);
        Move(l4, null, "Novo", l4.CreatedAt);
        Move(l4, "Novo", "Perdido", l4.CreatedAt.AddDays(2), 2);
        Move(l5, null, "Novo", l5.CreatedAt);
        void Wait(Lead lead, ResponseKind kind, DateTime since, double? minutes, Guid? by) => db.LeadResponses.Add(new LeadResponse
        {
            LeadId = lead.Id, Kind = kind, WaitingSince = since, RespondedAt = minutes is null ? null : since.AddMinutes(minutes.Value), ResponderId = by,
            Channel = minutes is null ? null : "whatsapp", Seconds = minutes is null ? null : (long)(minutes * 60),
        });
        Wait(l1, ResponseKind.FirstContact, l1.CreatedAt, 30, rep.UserId);
        Wait(l1, ResponseKind.Inbound, l1.CreatedAt.AddDays(1), 10, rep.UserId);
        Wait(l3, ResponseKind.FirstContact, l3.CreatedAt, 180, rep.UserId);
        Wait(l4, ResponseKind.FirstContact, l4.CreatedAt, null, null);
        Wait(l5, ResponseKind.FirstContact, l5.CreatedAt, null, null);
        await db.SaveChangesAsync();
        return new AnalyticsWorld(owner, rep, stages, pipelineId, [l1.Id, l2.Id, l3.Id, l4.Id, l5.Id]);
    }
}
