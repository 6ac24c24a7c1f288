using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary><c>lead_stage_history</c> is written with every kind of stage change, <c>lead_responses</c> as contacts happen.</summary>
public abstract class StageHistoryAndResponsesTests(CrmAppFactory app)
{
    private async Task<T> InTenantAsync<T>(Session owner, Func<CrmDbContext, IServiceProvider, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await read(db, scope.ServiceProvider);
    }

    private Task<List<LeadStageHistory>> HistoryAsync(Session owner, Guid lead) =>
        InTenantAsync(owner, (db, _) => db.LeadStageHistory.Where(h => h.LeadId == lead).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync());

    [Fact]
    public async Task Creating_and_moving_a_lead_records_its_entry_and_each_move_with_value_owner_and_time_in_stage()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Hist", value = 1234.5, currency = "USD", stage_id = stages["Novo"] });
        var id = Guid.Parse((string)lead["id"]!);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Contato"] })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Contato"], position = 0 })).ExpectAsync(HttpStatusCode.OK); // a reorder: no history
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Perdido"], lost_reason = "Preço" })).ExpectAsync(HttpStatusCode.OK);

        var history = await HistoryAsync(owner, id);
        Assert.Equal(3, history.Count);
        Assert.Equal((null, Guid.Parse(stages["Novo"]), (LeadStatus?)null, LeadStatus.Open), (history[0].FromStageId, history[0].ToStageId, history[0].FromStatus, history[0].ToStatus));
        Assert.Equal((Guid.Parse(stages["Novo"]), Guid.Parse(stages["Contato"])), (history[1].FromStageId!.Value, history[1].ToStageId));
        Assert.Equal((LeadStatus.Open, LeadStatus.Lost, "Preço"), (history[2].FromStatus!.Value, history[2].ToStatus, history[2].LostReason));
        Assert.All(history, h => Assert.Equal((123_450L, "USD", owner.UserId, StageHistoryOrigin.Recorded), (h.ValueCents, h.Currency, h.ActorId!.Value, h.Origin)));
        Assert.Null(history[0].SecondsInFromStage);
        Assert.NotNull(history[1].SecondsInFromStage);
    }

    [Fact]
    public async Task Deleting_a_stage_and_changing_a_stages_kind_record_the_changes_of_its_leads()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var pipelineId = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var a = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "A", stage_id = stages["Contato"] }))["id"]!);
        var b = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "B", stage_id = stages["Qualificado"] }))["id"]!);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}?move_to_stage_id={stages["Proposta"]}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Qualificado"]}", new { kind = "won" })).ExpectAsync(HttpStatusCode.OK);

        var moved = (await HistoryAsync(owner, a))[^1];
        Assert.Equal((Guid.Parse(stages["Contato"]), Guid.Parse(stages["Proposta"])), (moved.FromStageId!.Value, moved.ToStageId));
        var won = (await HistoryAsync(owner, b))[^1];
        Assert.Equal((Guid.Parse(stages["Qualificado"]), Guid.Parse(stages["Qualificado"]), LeadStatus.Open, LeadStatus.Won),
            (won.FromStageId!.Value, won.ToStageId, won.FromStatus!.Value, won.ToStatus));
        Assert.Null(won.SecondsInFromStage); // the lead stayed in its stage
    }

    [Fact]
    public async Task A_deleted_lead_leaves_the_reports_with_its_history_and_waits()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var id = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Some", stage_id = stages["Novo"] }))["id"]!);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/analytics/pipeline?to={today}"))["won"]!["count"]!);
        await (await owner.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await HistoryAsync(owner, id));
        Assert.Empty(await InTenantAsync(owner, (db, _) => db.LeadResponses.Where(r => r.LeadId == id).ToListAsync()));
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/analytics/pipeline?to={today}"))["won"]!["count"]!);
    }

    [Fact]
    public async Task A_new_lead_waits_for_its_first_contact_and_an_inbound_message_for_the_next_reply()
    {
        var owner = await app.RegisterAsync();
        var id = Guid.Parse((string)(await owner.CreateLeadAsync(new { name = "Espera", phone = LeadApi.Phone(4242) }))["id"]!);
        await InTenantAsync(owner, async (_, sp) =>
        {
            var inbound = sp.GetRequiredService<InboundMessageService>();
            var at = DateTime.UtcNow.AddMinutes(-1);
            foreach (var n in new[] { 1, 2 })
                await inbound.ReceiveAsync(new InboundMessage($"wamid.test{n}{id:N}", LeadApi.Phone(4242), "Espera", MessageType.Text, "Oi?", null, null, null, null, null,
                    at.AddSeconds(n)), $"key-{n}-{id:N}");
            return 0;
        });
        var waits = await InTenantAsync(owner, (db, _) => db.LeadResponses.Where(r => r.LeadId == id).ToListAsync());
        Assert.Equal([ResponseKind.FirstContact, ResponseKind.Inbound], waits.Select(w => w.Kind).Order()); // the second message joined the open wait
        Assert.All(waits, w => Assert.Null(w.RespondedAt));

        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "note", text = "Not an answer" })).ExpectAsync(HttpStatusCode.Created);
        Assert.All(await InTenantAsync(owner, (db, _) => db.LeadResponses.Where(r => r.LeadId == id).ToListAsync()), w => Assert.Null(w.RespondedAt));
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "call", text = "Liguei", duration_seconds = 60 })).ExpectAsync(HttpStatusCode.Created);
        waits = await InTenantAsync(owner, (db, _) => db.LeadResponses.Where(r => r.LeadId == id).ToListAsync());
        Assert.All(waits, w => Assert.Equal(("call", owner.UserId), (w.Channel, w.ResponderId!.Value)));
        Assert.All(waits, w => Assert.True(w.Seconds >= 0));
    }
}

public sealed class StageHistoryAndResponsesTestsOnSqlite(SqliteApp app) : StageHistoryAndResponsesTests(app), IClassFixture<SqliteApp>;

public sealed class StageHistoryAndResponsesTestsOnPostgres(PostgresApp app) : StageHistoryAndResponsesTests(app), IClassFixture<PostgresApp>;
