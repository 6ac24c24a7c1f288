using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// <c>Copilot:Chat:Provider=ollama</c> at the local <see cref="OllamaStub"/> (OllamaSharp over Ollama's NDJSON wire
/// format), over the real knowledge base: the model's suggestions stream in and cite the playbook; a model that is slow,
/// stalls, fails or reports an error mid-answer is replaced by the playbook's own words, labelled so.
/// </summary>
public sealed class OllamaCopilotTests(OllamaCopilotApp app) : IClassFixture<OllamaCopilotApp>
{
    private static async Task<string> SeedAsync(Session owner)
    {
        var price = await owner.CreateDocumentAsync("Objeções: preço",
            "## Objeção: está caro\nCliente: \"Tá caro.\"\nResposta sugerida: \"Entendo, [nome]. " + Playbook.PriceAnswer
            + ", e depois disso a energia sai praticamente de graça.\" Pergunte qual é o valor médio da conta de luz.", "objection_handler");
        await owner.CreateDocumentAsync("Produto: kit solar", "O kit residencial inclui painéis de 550 W, inversor e instalação. Garantia de 25 anos de performance nos painéis.",
            "product_info");
        return (string)price["id"]!;
    }

    [Fact]
    public async Task Suggestions_stream_from_ollamas_chat_endpoint_and_cite_the_playbook()
    {
        var owner = await app.RegisterAsync();
        var price = await SeedAsync(owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var deltas = new List<SuggestionDelta>();
        var result = await owner.AsMemberAsync(sp => sp.GetRequiredService<CopilotService>()
            .SuggestAsync(new SuggestInput(Guid.Parse(lead), "objection", "tá caro esse kit solar"), d => { lock (deltas) deltas.Add(d); return Task.CompletedTask; }));

        Assert.Equal(SuggestionOrigin.Llm, result.Provider);
        Assert.Equal(2, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => Assert.Equal(SuggestionOrigin.Llm, s.Origin));
        Assert.Equal("Entendo, Marina! O investimento se paga em poucos meses com a economia na conta de luz.", result.Suggestions[0].Text);
        Assert.Equal(Guid.Parse(price), result.Suggestions[0].Sources.Single().DocumentId);
        Assert.True(deltas.Count > 5, $"only {deltas.Count} deltas");
        Assert.Equal([0, 1], deltas.Select(d => d.Index).Distinct());
        Assert.StartsWith("Entendo,", deltas[0].Text);
        Assert.True(deltas[0].Text.Length < result.Suggestions[0].Text.Length, "the first delta should be part of the suggestion, not all of it");

        Assert.Equal("/api/chat", app.Stub.Paths.Last());
        var request = app.Stub.Requests.Last();
        Assert.Equal("stub-ollama", (string?)request["model"]);
        Assert.True((bool)request["stream"]!);
        Assert.Equal("system", (string?)request["messages"]![0]!["role"]);
        Assert.Contains("Use ONLY facts stated in the SOURCES", (string?)request["messages"]![0]!["content"]);
        Assert.Contains(Playbook.PriceAnswer, (string?)request["messages"]![1]!["content"]);
    }

    [Fact]
    public async Task Inbound_triage_asks_ollama_for_its_json_answer()
    {
        var owner = await app.RegisterAsync();
        var answer = app.Stub.Answer;
        app.Stub.Answer = """{"sentiment":"negative","urgency":"high","intent":"price_objection"}""";
        try
        {
            var body = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text = "Achei caro demais!!" })).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(("negative", "high", "price_objection", "llm"), ((string?)body["sentiment"], (string?)body["urgency"], (string?)body["intent"], (string?)body["provider"]));
            Assert.Equal("json", (string?)app.Stub.Requests.Last()["format"]);
        }
        finally
        {
            app.Stub.Answer = answer;
        }
    }

    [Theory]
    [InlineData(ChatStub.Sleep, "fallback_timeout")]
    [InlineData(ChatStub.Stall, "fallback_timeout")]
    [InlineData(ChatStub.Fail, "fallback_error")]
    [InlineData(ChatStub.FailMidStream, "fallback_error")]
    public async Task An_ollama_that_is_slow_stalls_or_fails_is_replaced_by_the_playbook_labelled_so(string behaviour, string outcome)
    {
        var owner = await app.RegisterAsync();
        var price = await SeedAsync(owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro " + behaviour });

        Assert.Equal("playbook", (string?)answer["provider"]);
        var first = answer["suggestions"]![0]!;
        Assert.Equal("playbook", (string?)first["origin"]);
        Assert.StartsWith("Entendo, Marina. " + Playbook.PriceAnswer, (string?)first["text"]);
        Assert.Equal(price, (string?)first["sources"]![0]!["document_id"]);
        Assert.All(answer["suggestions"]!.AsArray(), s => Assert.DoesNotContain("poucos meses", (string?)s!["text"]));
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal(outcome, (string?)session["outcome"]);
        Assert.Equal("playbook", (string?)session["provider"]);
    }
}

/// <summary>The app with the real knowledge base and <c>Copilot:Chat:Provider=ollama</c> at a local <see cref="OllamaStub"/>, 2-second timeout.</summary>
public sealed class OllamaCopilotApp() : CrmAppFactory(TestProvider.Sqlite), IAsyncLifetime
{
    public OllamaStub Stub { get; private set; } = default!;

    public async Task InitializeAsync() => Stub = await OllamaStub.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Stub.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Copilot:Chat:Provider", "ollama"), new("Copilot:Chat:BaseUrl", Stub.BaseUrl), new("Copilot:Chat:Model", "stub-ollama"),
        new("Copilot:Chat:TimeoutSeconds", "2"),
    ];
}
