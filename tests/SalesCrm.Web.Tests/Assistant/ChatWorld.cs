using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Assistant;

/// <summary>
/// A São Paulo workspace (BRL) the chat tests ask about; the rep's role sees reports but only their own leads.
/// <list type="bullet">
/// <item>Won in October 2026 (local): W1 owner's Instagram R$ 5.000 (10-10), W2 rep's Instagram R$ 7.000 (10-20), W4 owner's WhatsApp R$ 2.000 (10-15).</item>
/// <item>Not October: W3 owner's Instagram won 11-05; W5 owner's Instagram won 2026-10-01T02:00Z = 30 Sept 23:00 in São Paulo. L1 Instagram lost 10-12.</item>
/// <item>Open now: O1 owner's R$ 15.000 in Proposta for 10 days, O2 rep's R$ 20.000 in Contato for 30 days, O3 R$ 50.000 for 2 days,
/// O4 R$ 8.000 for 20 days, O5 exactly R$ 10.000 for 20 days.</item>
/// </list>
/// So "Instagram won in October": owner 2 deals / R$ 12.000, rep 1 / R$ 7.000; "over 10 thousand stalled for more than a week": owner O2, O1; rep O2.
/// </summary>
public sealed record ChatWorld(Session Owner, Session Rep)
{
    public const string InstagramOctober = "quantos leads do Instagram fecharam em outubro de 2026?";
    public const string StalledOver10k = "quais negócios acima de 10 mil estão parados há mais de uma semana?";

    public static async Task<ChatWorld> CreateAsync(CrmAppFactory app)
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
        var now = DateTime.UtcNow;
        Lead Lead(string name, Guid ownerId, string stage, long cents, LeadSource source, DateTime entered)
        {
            var status = stage switch { "Ganho" => LeadStatus.Won, "Perdido" => LeadStatus.Lost, _ => LeadStatus.Open };
            var lead = new Lead
            {
                Name = name, OwnerId = ownerId, PipelineId = pipelineId, StageId = stages[stage], ValueCents = cents, Currency = "BRL", Source = source,
                CreatedAt = entered.AddDays(-20), UpdatedAt = entered, StageEnteredAt = entered, Status = status, ClosedAt = status == LeadStatus.Open ? null : entered,
                LostReason = status == LeadStatus.Lost ? "Preço" : null,
            };
            db.Leads.Add(lead);
            if (status != LeadStatus.Open)
                db.LeadStageHistory.Add(new LeadStageHistory
                {
                    LeadId = lead.Id, PipelineId = pipelineId, FromStageId = stages["Proposta"], ToStageId = stages[stage], FromStatus = LeadStatus.Open, ToStatus = status,
                    LostReason = lead.LostReason, At = entered, OwnerId = ownerId, ValueCents = cents, Currency = "BRL", SecondsInFromStage = 86400,
                });
            return lead;
        }
        var o = owner.UserId;
        Lead("W1", o, "Ganho", 500_000, LeadSource.Instagram, new DateTime(2026, 10, 10, 12, 0, 0, DateTimeKind.Utc));
        Lead("W2", rep.UserId, "Ganho", 700_000, LeadSource.Instagram, new DateTime(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc));
        Lead("W3", o, "Ganho", 100_000, LeadSource.Instagram, new DateTime(2026, 11, 5, 12, 0, 0, DateTimeKind.Utc));
        Lead("W4", o, "Ganho", 200_000, LeadSource.Whatsapp, new DateTime(2026, 10, 15, 12, 0, 0, DateTimeKind.Utc));
        Lead("W5", o, "Ganho", 300_000, LeadSource.Instagram, new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc));
        Lead("L1", o, "Perdido", 400_000, LeadSource.Instagram, new DateTime(2026, 10, 12, 12, 0, 0, DateTimeKind.Utc));
        Lead("O1 Grande parado", o, "Proposta", 1_500_000, LeadSource.Website, now.AddDays(-10));
        Lead("O2 Grande parado do rep", rep.UserId, "Contato", 2_000_000, LeadSource.Whatsapp, now.AddDays(-30));
        Lead("O3 Grande recente", o, "Proposta", 5_000_000, LeadSource.Website, now.AddDays(-2));
        Lead("O4 Pequeno parado", o, "Proposta", 800_000, LeadSource.Website, now.AddDays(-20));
        Lead("O5 Exatamente dez mil", o, "Proposta", 1_000_000, LeadSource.Website, now.AddDays(-20));
        await db.SaveChangesAsync();
        return new ChatWorld(owner, rep);
    }
}

public static class ChatCalls
{
    /// <summary>Asks <paramref name="message"/> as <paramref name="session"/> and expects a 200.</summary>
    public static async Task<JsonNode> AskAsync(this Session session, string message) =>
        await (await session.Client.PostAsJsonAsync("/api/v1/chat", new { message })).ExpectAsync(HttpStatusCode.OK);

    public static decimal Figure(this JsonNode answer, int index) => (decimal)answer["figures"]![index]!["value"]!;

    public static List<string> LeadNames(this JsonNode answer) => answer["leads"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
}
