using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>The inbound setup with a chat model registered in DI, as the copilot registers one when an LLM is configured.</summary>
public sealed class ChatModelApp() : InboundAppBase(TestProvider.Sqlite)
{
    public FakeChatClient Chat { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [.. base.ExtraSettings(), new("Copilot:Triage:TimeoutSeconds", "0.5")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IChatClient>(Chat));
    }
}

/// <summary>With a chat model the model triages (JSON asked for); on an error, a timeout or an answer outside the enums the rules do.</summary>
public sealed class TriageWithChatModelTests(ChatModelApp app) : IClassFixture<ChatModelApp>
{
    private async Task<System.Text.Json.Nodes.JsonNode> AnalyzeAsync(Session owner, string text) =>
        await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/analyze", new { text })).ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_model_decides_when_it_answers_in_the_asked_json()
    {
        app.Chat.Mode = FakeChatClient.Behaviour.Answer;
        app.Chat.Answer = "```json\n{\"sentiment\":\"positive\",\"urgency\":\"high\",\"intent\":\"scheduling\"}\n```";
        var owner = await app.RegisterAsync();
        var body = await AnalyzeAsync(owner, "Bom dia");
        Assert.Equal(("positive", "high", "scheduling", "llm"), ((string?)body["sentiment"], (string?)body["urgency"], (string?)body["intent"], (string?)body["provider"]));
        var prompt = app.Chat.Requests.Last();
        Assert.Equal("Bom dia", prompt.Last().Text);
        Assert.Contains("price_objection", prompt[0].Text);
    }

    [Theory]
    [InlineData(FakeChatClient.Behaviour.Fail, null)]
    [InlineData(FakeChatClient.Behaviour.Hang, null)]
    [InlineData(FakeChatClient.Behaviour.Answer, "{\"sentiment\":\"furious\",\"urgency\":\"high\",\"intent\":\"complaint\"}")]
    [InlineData(FakeChatClient.Behaviour.Answer, "Sure! The customer seems upset.")]
    public async Task The_rules_decide_when_the_model_fails_times_out_or_answers_outside_the_enums(FakeChatClient.Behaviour mode, string? answer)
    {
        app.Chat.Mode = mode;
        if (answer is not null) app.Chat.Answer = answer;
        var owner = await app.RegisterAsync();
        var body = await AnalyzeAsync(owner, "tá caro demais");
        Assert.Equal(("negative", "price_objection", "lexicon"), ((string?)body["sentiment"], (string?)body["intent"], (string?)body["provider"]));
    }

    [Fact]
    public async Task Inbound_messages_are_triaged_by_the_model_when_it_answers()
    {
        app.Chat.Mode = FakeChatClient.Behaviour.Answer;
        app.Chat.Answer = """{"sentiment":"negative","urgency":"high","intent":"complaint"}""";
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, from, "a entrega atrasou de novo", "Cliente Modelo");
        var leadId = (string)(await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        var triage = (await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1))["items"]![0]!["triage"]!;
        Assert.Equal(("complaint", "llm"), ((string?)triage["intent"], (string?)triage["provider"]));
    }
}
