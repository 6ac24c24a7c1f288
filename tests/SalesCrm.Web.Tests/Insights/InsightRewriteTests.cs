using SalesCrm.Core.Insights;
using SalesCrm.Web.Tests.Copilot;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Insights;

/// <summary>The app with a chat model at the local <see cref="OpenAiStub"/>, configured as the copilot's (Copilot:Chat).</summary>
public sealed class InsightsModelApp() : CrmAppFactory(TestProvider.Sqlite), IAsyncLifetime
{
    public OpenAiStub Stub { get; private set; } = default!;

    public async Task InitializeAsync() => Stub = await OpenAiStub.StartAsync(5413);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Stub.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Copilot:Chat:Provider", "openai"), new("Copilot:Chat:BaseUrl", Stub.BaseUrl), new("Copilot:Chat:Model", "stub-model"), new("Copilot:Chat:ApiKey", "test-key"),
    ];
}

/// <summary>A chat model may reword an insight but not invent a figure: every number of its text must be in the evidence.</summary>
public sealed class InsightRewriteTests(InsightsModelApp app) : IClassFixture<InsightsModelApp>
{
    [Fact]
    public async Task A_rewrite_with_a_number_that_is_not_in_the_evidence_is_rejected_and_the_offline_text_kept()
    {
        app.Stub.Answer = "TITLE: Leads quentes esperando\nDESCRIPTION: 3 leads quentes esperam há 80 h.\nRECOMMENDATION: Responda hoje.";
        var w = await InsightsWorld.CreateAsync(app);
        var hot = Assert.Single(await w.GenerateAsync(app), i => i.Kind == InsightKind.HotLeadsUnanswered);
        Assert.Equal(InsightTextSources.Rules, hot.TextSource);
        Assert.Equal("2 leads quentes sem resposta há 24 h", hot.Title);
        Assert.Contains(app.Stub.Requests, r => r.ToJsonString().Contains("oldest_wait_hours") && r.ToJsonString().Contains("2 leads quentes"));
    }

    [Fact]
    public async Task A_rewrite_whose_numbers_are_all_in_the_evidence_replaces_the_text_of_that_insight_only()
    {
        app.Stub.Answer = "TITLE: Leads quentes esperando resposta\nDESCRIPTION: 2 leads importantes esperam há 80 h ou mais.\nRECOMMENDATION: Responda hoje, pelo mais antigo.";
        var w = await InsightsWorld.CreateAsync(app);
        var all = await w.GenerateAsync(app);
        var hot = Assert.Single(all, i => i.Kind == InsightKind.HotLeadsUnanswered);
        Assert.Equal((InsightTextSources.Llm, "Leads quentes esperando resposta"), (hot.TextSource, hot.Title));
        Assert.Equal("2 leads importantes esperam há 80 h ou mais.", hot.Description);
        // 80 is no figure of the overdue deals' evidence: that insight keeps its offline text.
        Assert.Equal(InsightTextSources.Rules, Assert.Single(all, i => i.Kind == InsightKind.OverdueCloseDates).TextSource);
    }

    [Fact]
    public async Task The_rewrite_in_the_workspace_language_is_shown_to_its_readers_and_an_english_reader_gets_the_offline_text_in_english()
    {
        app.Stub.Answer = "TITLE: Leads quentes esperando resposta\nDESCRIPTION: 2 leads importantes esperam há 80 h ou mais.\nRECOMMENDATION: Responda hoje, pelo mais antigo.";
        var w = await InsightsWorld.CreateAsync(app);
        await w.GenerateAsync(app);
        var pt = (await w.Owner.GetInAsync("/api/v1/insights?priority=critical", "pt-BR"))["items"]![0]!;
        Assert.Equal(("Leads quentes esperando resposta", "llm"), ((string)pt["title"]!, (string)pt["text_source"]!));
        var en = (await w.Owner.GetInAsync("/api/v1/insights?priority=critical", "en"))["items"]![0]!;
        var offline = InsightTexts.HotLeadsUnanswered("en", 2, 80, InsightRules.UnansweredHours, InsightRules.HotScore);
        Assert.Equal((offline.Title, offline.Description, "rules"), ((string)en["title"]!, (string)en["description"]!, (string)en["text_source"]!));
    }
}

/// <summary>The figure check on its own.</summary>
public sealed class InsightFigureCheckTests
{
    private static readonly InsightEvidence Evidence = new(new Dictionary<string, decimal> { ["count"] = 12, ["value"] = 1234.5m, ["rate_pct"] = 41.7m }, [], 12,
        From: new DateOnly(2026, 10, 21));

    private static readonly InsightText Offline = new("12 negócios", "Etapa 2 perdeu", "Agir");

    [Theory]
    [InlineData("12 negócios somam R$ 1.234,50", true)]
    [InlineData("12 deals worth $1,234.50, 41.7% and 42% converted", true)]
    [InlineData("Desde 21/10/2026, 12 negócios; etapa 2", true)]
    [InlineData("13 negócios", false)]
    [InlineData("12 negócios somam R$ 1.300,00", false)]
    [InlineData("Conversão de 50%", false)]
    public void Only_numbers_of_the_evidence_or_the_offline_text_pass(string text, bool passes) =>
        Assert.Equal(passes, InsightFigureCheck.OnlyKnownFigures(text, Evidence, Offline));
}
