using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

public abstract class PipelinesApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Every_tenant_starts_with_the_default_pipeline()
    {
        var owner = await app.RegisterAsync();
        var pipelines = await owner.GetJsonAsync("/api/v1/pipelines");
        var pipeline = pipelines["items"]![0]!;
        Assert.True((bool)pipeline["is_default"]!);
        Assert.Equal(["Novo", "Contato", "Qualificado", "Proposta", "Negociação", "Ganho", "Perdido"], pipeline["stages"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal(["open", "open", "open", "open", "open", "won", "lost"], pipeline["stages"]!.AsArray().Select(s => (string?)s!["kind"]));
    }

    [Fact]
    public async Task Pipelines_and_stages_are_created_edited_reordered_and_deleted()
    {
        var owner = await app.RegisterAsync();
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new
        {
            name = "Pós-venda",
            stages = new object[] { new { name = "Onboarding", probability = 50 }, new { name = "Ativo", color = "#43a047", kind = "won" } },
        })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.False((bool)created["is_default"]!);
        var added = await (await owner.Client.PostAsJsonAsync($"/api/v1/pipelines/{id}/stages", new { name = "Treinamento", order = 1, rotten_after_days = 5 })).ExpectAsync(HttpStatusCode.Created);
        var stages = await owner.GetJsonAsync($"/api/v1/pipelines/{id}/stages");
        Assert.Equal(["Onboarding", "Treinamento", "Ativo"], stages["items"]!.AsArray().Select(s => (string?)s!["name"]));
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{id}/stages/{added["id"]}", new { order = 0, name = "Treino", probability = 30 })).ExpectAsync(HttpStatusCode.OK);
        stages = await owner.GetJsonAsync($"/api/v1/pipelines/{id}/stages");
        Assert.Equal(["Treino", "Onboarding", "Ativo"], stages["items"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal([0, 1, 2], stages["items"]!.AsArray().Select(s => (int)s!["order"]!));
        var renamed = await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{id}", new { name = "CS", is_default = true })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)renamed["is_default"]!);
        var all = await owner.GetJsonAsync("/api/v1/pipelines");
        Assert.Single(all["items"]!.AsArray(), p => (bool)p!["is_default"]!);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{id}/stages/{added["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/api/v1/pipelines/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.True((bool)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["is_default"]!);
    }

    [Fact]
    public async Task A_stage_with_leads_is_deleted_only_when_they_move_in_the_same_call()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var pipelineId = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var lead = (string)(await owner.CreateLeadAsync(new { name = "In Contato", stage_id = stages["Contato"] }))["id"]!;
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}")).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}?move_to_stage_id={stages["Contato"]}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}?move_to_stage_id={stages["Qualificado"]}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(stages["Qualificado"], (string?)(await owner.GetJsonAsync($"/api/v1/leads/{lead}"))["stage_id"]);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}")).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task Leads_moved_into_a_won_or_lost_stage_by_a_deletion_or_a_kind_change_close_as_a_move_would()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var pipelineId = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Fecha na exclusão", stage_id = stages["Qualificado"], value = 1000 }))["id"]!;

        // Deleting its stage into "Ganho" wins the deal, as dragging it there would.
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Qualificado"]}?move_to_stage_id={stages["Ganho"]}")).ExpectAsync(HttpStatusCode.NoContent);
        var won = await owner.GetJsonAsync($"/api/v1/leads/{lead}");
        Assert.Equal(("won", 100), ((string?)won["status"], (int)won["score"]!));
        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{lead}/interactions");
        Assert.Contains(timeline["items"]!.AsArray(), i => (string?)i!["type"] == "status_change" && (string?)i["text"] == "Qualificado → Ganho");
        var events = await owner.GetJsonAsync($"/api/v1/events?lead_id=eq.{lead}");
        Assert.Contains(events["items"]!.AsArray(), e => (string?)e!["type"] == "deal.won");

        // A stage whose kind changes takes its leads along: made "open" it reopens them, made "lost" it loses them.
        var open = (string)(await owner.CreateLeadAsync(new { name = "Em proposta", stage_id = stages["Proposta"] }))["id"]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Proposta"]}", new { kind = "lost" })).ExpectAsync(HttpStatusCode.OK);
        var lost = await owner.GetJsonAsync($"/api/v1/leads/{open}");
        Assert.Equal(("lost", "Proposta"), ((string?)lost["status"], (string?)lost["lost_reason"]));
        Assert.Contains((await owner.GetJsonAsync($"/api/v1/leads/{open}/interactions"))["items"]!.AsArray(),
            i => (string?)i!["type"] == "status_change" && (string?)i["text"] == "Proposta: open → lost: Proposta");
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Proposta"]}", new { kind = "open" })).ExpectAsync(HttpStatusCode.OK);
        var reopened = await owner.GetJsonAsync($"/api/v1/leads/{open}");
        Assert.Equal("open", (string?)reopened["status"]);
        Assert.Null((string?)reopened["lost_reason"]);
    }

    [Fact]
    public async Task Deleted_leads_follow_a_stage_or_pipeline_deletion_unseen_and_never_hold_it_back()
    {
        var owner = await app.RegisterAsync();
        var pipeline = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new
        {
            name = "Pós-venda", stages = new object[] { new { name = "Aberto" }, new { name = "Meio" }, new { name = "Ganho", kind = "won" } },
        })).ExpectAsync(HttpStatusCode.Created);
        var pipelineId = (string)pipeline["id"]!;
        var stageIds = pipeline["stages"]!.AsArray().ToDictionary(st => (string)st!["name"]!, st => (string)st!["id"]!);
        var gone = (string)(await owner.CreateLeadAsync(new { name = "Apagado", stage_id = stageIds["Meio"] }))["id"]!;
        var live = (string)(await owner.CreateLeadAsync(new { name = "Vivo", stage_id = stageIds["Aberto"] }))["id"]!;
        await (await owner.Client.DeleteAsync($"/api/v1/leads/{gone}")).ExpectAsync(HttpStatusCode.NoContent);

        // A stage holding only a deleted lead is deleted without a target, and no deal event is told about it.
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stageIds["Meio"]}")).ExpectAsync(HttpStatusCode.NoContent);
        // A won kind closes the live lead only; the deleted one stays as it was, in silence.
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}/stages/{stageIds["Aberto"]}?move_to_stage_id={stageIds["Ganho"]}")).ExpectAsync(HttpStatusCode.NoContent);
        var events = (await owner.GetJsonAsync($"/api/v1/events?lead_id=eq.{gone}"))["items"]!.AsArray();
        Assert.DoesNotContain(events, e => (string?)e!["type"] is "deal.won" or "lead.stage_changed");
        Assert.Contains((await owner.GetJsonAsync($"/api/v1/events?lead_id=eq.{live}"))["items"]!.AsArray(), e => (string?)e!["type"] == "deal.won");

        // With its live lead moved away, the pipeline goes although a deleted lead was in it.
        var stages = await owner.StagesAsync();
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{live}/stage", new { stage_id = stages["Novo"] })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipelineId}")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Two_pipelines_or_two_stages_of_a_pipeline_cannot_share_a_name()
    {
        var owner = await app.RegisterAsync();
        var first = (await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!;
        var pipelineId = (string)first["id"]!;
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = " " + ((string)first["name"]!).ToUpperInvariant() + " " }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["name"]);
        var second = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = "Pós-venda" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{second["id"]}", new { name = (string)first["name"]! })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{second["id"]}", new { name = "Pós-venda" })).ExpectAsync(HttpStatusCode.OK); // its own name
        problem = await (await owner.Client.PostAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages", new { name = "novo" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["name"]);
        var stages = await owner.StagesAsync();
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}", new { name = "Novo" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        problem = await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = "Dois", stages = new object[] { new { name = "A" }, new { name = "a" } } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["stages[1].name"]);
    }

    [Fact]
    public async Task Bad_stage_input_is_refused_and_only_managers_change_pipelines()
    {
        var owner = await app.RegisterAsync();
        var pipelineId = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var problem = await (await owner.Client.PostAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages", new { name = "", probability = 120, color = "red", rotten_after_days = 0 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "name", "probability", "color", "rotten_after_days" }) Assert.NotNull(problem["errors"]![field]);
        var rep = await owner.AddMemberAsync("sales_rep");
        await rep.GetJsonAsync("/api/v1/pipelines");
        await (await rep.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = "Mine" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var other = await app.RegisterAsync();
        await (await other.Client.GetAsync($"/api/v1/pipelines/{pipelineId}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Every_committed_pipeline_or_stage_change_is_announced_to_open_boards_and_a_refused_one_is_not()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var stages = await owner.StagesAsync();
        var pipelineId = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var notices = new ConcurrentQueue<CrmEvent>();
        using var recorder = app.Services.GetRequiredService<ICrmEventBus>().Subscribe(e =>
        {
            if (e.TenantId == owner.TenantId && e.Type == EventTypes.PipelineChanged) notices.Enqueue(e);
            return Task.CompletedTask;
        });

        await (await rep.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}", new { name = "Nope" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages/{stages["Contato"]}", new { name = "Primeiro contato" })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/pipelines/{pipelineId}/stages", new { name = "Visita" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/pipelines", new { name = "Pós-venda" })).ExpectAsync(HttpStatusCode.Created);

        await Eventually.TrueAsync(() => notices.Count == 3);
        Assert.All(notices.Take(2), e => Assert.Contains(pipelineId, e.Payload));
        Assert.All(notices, e => Assert.Null(e.LeadId));
        // A notice, not an event: nothing is stored for webhooks or the events API.
        var events = await owner.GetJsonAsync("/api/v1/events?limit=200");
        Assert.DoesNotContain(events["items"]!.AsArray(), e => (string?)e!["type"] == EventTypes.PipelineChanged);
    }

    [Fact]
    public async Task Lead_counts_per_stage_include_every_owners_leads_and_need_pipeline_manage()
    {
        var owner = await app.RegisterAsync();
        var manager = await owner.AddMemberAsync("manager");
        var rep = await owner.AddMemberAsync("sales_rep");
        var stages = await owner.StagesAsync();
        var pipelineId = Guid.Parse((string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!);
        await rep.CreateLeadAsync(new { name = "Do Rafael", stage_id = stages["Contato"] });
        await owner.CreateLeadAsync(new { name = "Da Olivia", stage_id = stages["Contato"] });
        await owner.CreateLeadAsync(new { name = "Proposta 1", stage_id = stages["Proposta"] });

        var counts = await manager.AsMemberAsync(sp => sp.GetRequiredService<PipelineService>().LeadCountsAsync(pipelineId));
        Assert.Equal(2, counts[Guid.Parse(stages["Contato"])]);
        Assert.Equal(1, counts[Guid.Parse(stages["Proposta"])]);
        Assert.False(counts.ContainsKey(Guid.Parse(stages["Novo"])));
        await Assert.ThrowsAsync<ForbiddenException>(() => rep.AsMemberAsync(sp => sp.GetRequiredService<PipelineService>().LeadCountsAsync(pipelineId)));
    }
}

public sealed class PipelinesApiTestsOnSqlite(SqliteApp app) : PipelinesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PipelinesApiTestsOnPostgres(PostgresApp app) : PipelinesApiTests(app), IClassFixture<PostgresApp>;
