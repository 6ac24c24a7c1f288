using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Assistant;
using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Assistant;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The <c>/assistant</c> page with a stand-in chat: asking, the answer's figures, chart, leads and query, errors.</summary>
public class AssistantPageTests
{
    private sealed class FakeChat : IPipelineChat
    {
        public List<string?> Asked { get; } = [];
        public Func<string?, ChatAnswer> Answer { get; set; } = _ => throw new InvalidOperationException();

        public Task<ChatAnswer> AskAsync(string? message, CancellationToken ct = default)
        {
            Asked.Add(message);
            return Task.FromResult(Answer(message));
        }
    }

    private static readonly Guid LeadId = Guid.NewGuid();

    private static ChatAnswer Won => new("2 negócios ganhos de 01/10/2026 a 31/10/2026, somando R$ 12.000,00.",
        [
            new ChatFigure("Negócios ganhos", 2, "count"), new ChatFigure("Valor ganho", 12000, "money", "BRL"),
            new ChatFigure("Ana", 7000, "money", "BRL", "owner"), new ChatFigure("Bruno", 5000, "money", "BRL", "owner"),
        ],
        [new ChatLead(LeadId, "Padaria Sol", 7000, "BRL", "Proposta", "Ana", 12, $"/leads/{LeadId}")],
        new ChatQuery("closings", new Dictionary<string, string> { ["metric"] = "won", ["source"] = "eq.instagram" }, "/api/v1/analytics/drilldown?figure=won"), "offline");

    private static (BunitContext Ctx, FakeChat Chat) NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var zones = new WorkspaceTimeZones(null!, TimeProvider.System);
        ctx.Services.AddSingleton(new WorkspaceClock(zones, FixedCurrentUser.System, TimeProvider.System));
        ctx.Services.AddSingleton(new WorkspacePhones(zones, FixedCurrentUser.System));
        var chat = new FakeChat();
        ctx.Services.AddSingleton<IPipelineChat>(chat);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        return (ctx, chat);
    }

    [Fact]
    public async Task An_example_question_is_asked_and_its_answer_shows_figures_chart_leads_and_query()
    {
        using var culture = new CultureScope("pt-BR");
        var (ctx, chat) = NewContext();
        await using var _ = ctx;
        chat.Answer = _ => Won;
        var cut = ctx.Render<AssistantPage>();
        Assert.Equal(ChatPhrases.ExamplesPt, cut.FindAll("[data-testid=assistant-example]").Select(e => e.TextContent.Trim()));

        await cut.FindAll("[data-testid=assistant-example]")[0].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=assistant-answer]")));
        Assert.Equal([ChatPhrases.ExamplesPt[0]], chat.Asked);
        Assert.Equal(ChatPhrases.ExamplesPt[0], cut.Find("[data-testid=assistant-question]").TextContent.Trim());
        Assert.Equal(["2", "R$ 12.000,00"], cut.FindAll("[data-testid=assistant-figure-value]").Select(f => f.TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=assistant-chart]"));
        Assert.Equal($"/leads/{LeadId}", cut.Find("[data-testid=assistant-lead] a").GetAttribute("href"));
        Assert.Equal("closings(metric=won, source=eq.instagram)", AssistantAnswer.QueryText(Won.Query!));
    }

    [Fact]
    public async Task A_typed_question_is_sent_and_a_refused_one_stays_in_the_box_without_a_turn()
    {
        using var culture = new CultureScope("pt-BR");
        var (ctx, chat) = NewContext();
        await using var _ = ctx;
        chat.Answer = m => m == "?" ? throw new ValidationException("message", "is required.") : new ChatAnswer(ChatPhrases.Help(ChatLanguage.Pt), [], null, null, "offline");
        var cut = ctx.Render<AssistantPage>();

        await cut.InvokeAsync(() => cut.Instance.AskAsync("?"));
        Assert.Empty(cut.Instance.Turns);
        Assert.Equal("?", cut.Instance.Message);

        await cut.InvokeAsync(() => cut.Instance.AskAsync("qual o sentido da vida?"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=assistant-answer]")));
        Assert.Null(cut.Instance.Message);
        Assert.Empty(cut.FindAll("[data-testid=assistant-figure]"));
        Assert.Empty(cut.FindAll("[data-testid=assistant-chart]"));
        Assert.Empty(cut.FindAll("[data-testid=assistant-query]"));
    }

    [Fact]
    public void Examples_and_figures_follow_the_UI_language()
    {
        using var culture = new CultureScope("en");
        Assert.Equal(ChatPhrases.ExamplesEn, AssistantPage.Examples);
        Assert.Equal("R$ 12,000.00", AssistantAnswer.Show(new ChatFigure("Value won", 12000, "money", "BRL")));
        Assert.Equal("42.5 min", AssistantAnswer.Show(new ChatFigure("Average", 42.5m, "minutes")));
    }
}
