using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Suggestions from the model at the local stub, and what answers when it is slow, fails or has nothing to ground on.</summary>
public abstract class CopilotSuggestTests(CopilotAppBase app)
{
    [Fact]
    public async Task The_model_writes_suggestions_from_the_passages_and_each_cites_the_chunks_it_used()
    {
        var owner = await app.RegisterAsync();
        var playbook = Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro esse kit solar" });

        Assert.Equal("llm", (string?)answer["provider"]);
        Assert.False((bool)answer["cached"]!);
        var suggestions = answer["suggestions"]!.AsArray();
        Assert.Equal(2, suggestions.Count);
        Assert.StartsWith("Entendo, Marina!", (string?)suggestions[0]!["text"]);
        Assert.DoesNotContain("[S", (string?)suggestions[0]!["text"]);
        Assert.Equal([playbook.Price.ChunkId], Playbook.SourceChunks(suggestions[0]!));
        Assert.Equal([playbook.Price.ChunkId, playbook.Product.ChunkId], Playbook.SourceChunks(suggestions[1]!));
        Assert.Equal("Objeções: preço", (string?)suggestions[0]!["sources"]![0]!["document_title"]);
        Assert.Equal(playbook.Price.DocumentId.ToString(), (string?)suggestions[0]!["sources"]![0]!["document_id"]);

        var prompt = app.Stub.Requests.Last().ToJsonString();
        Assert.Contains("Use ONLY facts stated in the SOURCES", prompt);
        Assert.Contains(Playbook.PriceAnswer, prompt);
        Assert.DoesNotContain("férias", prompt);
    }

    [Fact]
    public async Task Suggestions_stream_into_the_caller_as_the_model_writes_them()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Rafael Lima");
        var deltas = new List<SuggestionDelta>();
        var result = await owner.AsMemberAsync(sp => sp.GetRequiredService<CopilotService>()
            .SuggestAsync(new SuggestInput(Guid.Parse(lead), "objection", "tá caro o kit"), d => { lock (deltas) deltas.Add(d); return Task.CompletedTask; }));

        Assert.Equal(SuggestionOrigin.Llm, result.Provider);
        Assert.True(deltas.Count > 5, $"only {deltas.Count} deltas");
        Assert.Equal([0, 1], deltas.Select(d => d.Index).Distinct());
        var firstFinal = result.Suggestions[0].Text;
        Assert.All(deltas.Where(d => d.Index == 0), d => Assert.StartsWith(d.Text.TrimEnd(), firstFinal));
        Assert.True(deltas.First().Text.Length < firstFinal.Length, "the first delta should be part of the suggestion, not all of it");
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_is_replaced_by_the_playbook()
    {
        var owner = await app.RegisterAsync();
        var playbook = Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro " + OpenAiStub.Sleep });

        Assert.Equal("playbook", (string?)answer["provider"]);
        var first = answer["suggestions"]![0]!;
        Assert.StartsWith("Entendo, Marina. " + Playbook.PriceAnswer, (string?)first["text"]);
        Assert.Equal("playbook", (string?)first["origin"]);
        Assert.Equal([playbook.Price.ChunkId], Playbook.SourceChunks(first));
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal("fallback_timeout", (string?)session["outcome"]);
        Assert.Equal("timeout", (string?)session["error"]);
    }

    [Fact]
    public async Task A_failing_model_is_replaced_by_the_playbook()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var answer = await owner.SuggestOkAsync(new { intent = "objection", context = "tá caro " + OpenAiStub.Fail });

        Assert.Equal("playbook", (string?)answer["provider"]);
        // No lead: the playbook's [nome] is dropped with its comma rather than shown.
        Assert.StartsWith("Entendo. " + Playbook.PriceAnswer, Playbook.Texts(answer).First());
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal("fallback_error", (string?)session["outcome"]);
        Assert.Equal("playbook", (string?)session["provider"]);
    }

    [Theory]
    [InlineData(ChatStub.Stall, "fallback_timeout")]
    [InlineData(ChatStub.FailMidStream, "fallback_error")]
    public async Task A_model_that_stalls_or_reports_an_error_mid_answer_is_replaced_by_the_playbook_never_cut_short(string behaviour, string outcome)
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro " + behaviour });

        Assert.Equal("playbook", (string?)answer["provider"]);
        Assert.StartsWith("Entendo, Marina. " + Playbook.PriceAnswer, Playbook.Texts(answer).First());
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal(outcome, (string?)session["outcome"]);
    }

    [Fact]
    public async Task Without_a_passage_to_ground_it_the_model_is_not_asked_and_static_suggestions_answer()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Júlia Prado");
        var before = app.Stub.Requests.Count;
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "follow_up", context = "xyzzy plugh" });

        Assert.Equal(before, app.Stub.Requests.Count);
        Assert.Equal("static", (string?)answer["provider"]);
        Assert.Equal(StaticSuggestionDefaults.Items.Count(i => i.Intent == CopilotIntent.FollowUp), answer["suggestions"]!.AsArray().Count);
        Assert.StartsWith("Oi, Júlia!", Playbook.Texts(answer).First());
        Assert.All(answer["suggestions"]!.AsArray(), s => Assert.Empty(s!["sources"]!.AsArray()));
    }

    [Fact]
    public async Task An_identical_request_about_another_lead_in_the_same_stage_is_served_from_the_cache_with_its_own_name()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var first = await owner.LeadAsync("Marina Costa");
        var second = await owner.LeadAsync("Pedro Alves");
        await owner.SuggestOkAsync(new { lead_id = first, intent = "objection", context = "Tá caro esse kit solar!" });
        var calls = app.Stub.Requests.Count;

        var again = await owner.SuggestOkAsync(new { lead_id = second, intent = "objection", context = "ta CARO esse kit solar" });
        Assert.True((bool)again["cached"]!);
        Assert.Equal("llm", (string?)again["provider"]);
        Assert.Equal(calls, app.Stub.Requests.Count);
        Assert.StartsWith("Entendo, Pedro!", Playbook.Texts(again).First());
        Assert.DoesNotContain(Playbook.Texts(again), t => t.Contains("Marina"));

        var entries = await owner.GetJsonAsync("/api/v1/copilot/cache");
        Assert.Equal(1, (int)entries["total"]!);
        Assert.Equal("ta caro esse kit solar", (string?)entries["items"]![0]!["normalized_context"]);
        Assert.Equal(1, (int)entries["items"]![0]!["hits"]!);
        var sessions = await owner.GetJsonAsync("/api/v1/copilot/sessions");
        Assert.Equal("cached", (string?)sessions["items"]![0]!["outcome"]);

        var other = await owner.SuggestOkAsync(new { lead_id = second, intent = "closing", context = "ta caro esse kit solar" });
        Assert.False((bool)other["cached"]!);
        Assert.Equal(2, (int)(await (await owner.Client.DeleteAsync("/api/v1/copilot/cache")).ExpectAsync(HttpStatusCode.OK))["deleted"]!);
        Assert.False((bool)(await owner.SuggestOkAsync(new { lead_id = second, intent = "objection", context = "ta caro esse kit solar" }))["cached"]!);
    }

    [Fact]
    public async Task Past_the_hourly_budget_a_user_gets_429_with_retry_after()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < CopilotAppBase.RequestsPerHour; i++) await owner.SuggestOkAsync(new { intent = "qualification", context = $"pergunta {i}" });
        var refused = await owner.SuggestAsync(new { intent = "qualification", context = "mais uma" });
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) > 0);
        // Another member of the workspace has their own budget.
        var manager = await owner.AddMemberAsync("manager");
        await manager.SuggestOkAsync(new { intent = "qualification", context = "oi" });
    }

    [Fact]
    public async Task Refused_requests_do_not_spend_the_hourly_budget()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < CopilotAppBase.RequestsPerHour; i++)
        {
            await (await owner.SuggestAsync(new { intent = "objection", lead_id = Guid.NewGuid() })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await owner.SuggestAsync(new { intent = "haggle", context = "oi" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }
        for (var i = 0; i < CopilotAppBase.RequestsPerHour; i++) await owner.SuggestOkAsync(new { intent = "qualification", context = $"pergunta {i}" });
        var refused = await owner.SuggestAsync(new { intent = "qualification", context = "mais uma" });
        await refused.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 3600);
    }

    [Fact]
    public async Task Bad_requests_are_problems_naming_the_field()
    {
        var owner = await app.RegisterAsync();
        var bad = await (await owner.SuggestAsync(new { intent = "haggle" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["intent"]);
        var free = await (await owner.SuggestAsync(new { intent = "free_text" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(free["errors"]!["context"]);
        var tooLong = await (await owner.SuggestAsync(new { intent = "objection", context = new string('a', 2001) })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(tooLong["errors"]!["context"]);
        await (await owner.SuggestAsync(new { intent = "objection", lead_id = Guid.NewGuid() })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

public sealed class CopilotSuggestTestsOnSqlite(CopilotSqliteApp app) : CopilotSuggestTests(app), IClassFixture<CopilotSqliteApp>;

public sealed class CopilotSuggestTestsOnPostgres(CopilotPostgresApp app) : CopilotSuggestTests(app), IClassFixture<CopilotPostgresApp>;
