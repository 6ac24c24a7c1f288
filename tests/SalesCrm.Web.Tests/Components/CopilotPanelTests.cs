using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Features.Copilot;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The copilot panel's behaviour with a stand-in copilot: streaming, labels and links, actions, feedback, states.</summary>
public class CopilotPanelTests
{
    private static readonly Guid LeadId = Guid.NewGuid();
    private static readonly SuggestionSource Source = new(Guid.NewGuid(), "Objeções: preço", Guid.NewGuid());

    private static SuggestResult Answer(SuggestionOrigin origin = SuggestionOrigin.Llm, bool? windowOpen = true, params TemplateSuggestion[] templates) =>
        new(Guid.NewGuid(), origin, [new SuggestionDto(Guid.NewGuid(), "Entendo, Marina! Se paga em 4 anos.", origin, [Source])], false, windowOpen, templates);

    private static (BunitContext Ctx, FakeAssistant Assistant) NewContext(FakeAssistant? assistant = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        assistant ??= new FakeAssistant();
        ctx.Services.AddSingleton<ICopilotAssistant>(assistant);
        ctx.Render<MudPopoverProvider>();
        return (ctx, assistant);
    }

    [Fact]
    public async Task Suggestions_appear_token_by_token_and_end_labelled_with_their_origin_and_linked_to_their_source()
    {
        using var culture = new CultureScope("pt-BR");
        var (ctx, assistant) = NewContext();
        await using var _ = ctx;
        var release = new TaskCompletionSource();
        assistant.Suggest = async (_, onDelta) =>
        {
            await onDelta!(new SuggestionDelta(0, "Entendo,"));
            await onDelta(new SuggestionDelta(0, "Entendo, Marina!"));
            await release.Task;
            return Answer();
        };
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId).Add(c => c.CanWrite, true));
        var asking = cut.Find("[data-testid=copilot-ask]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Entendo, Marina!", cut.Find("[data-testid=copilot-streaming]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=copilot-suggestion]"));
        release.SetResult();
        await asking;

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=copilot-suggestion]")));
        Assert.Empty(cut.FindAll("[data-testid=copilot-streaming]"));
        Assert.Equal("Gerado por IA a partir do seu playbook", cut.Find("[data-testid=copilot-origin]").TextContent.Trim());
        Assert.Equal($"/knowledge/documents/{Source.DocumentId}?chunk={Source.ChunkId}", cut.Find("[data-testid=copilot-source]").GetAttribute("href"));
        Assert.Equal("objection", assistant.Inputs.Single().Intent);
    }

    [Fact]
    public async Task The_context_box_starts_with_the_leads_last_message_and_is_what_is_sent()
    {
        var (ctx, assistant) = NewContext(new FakeAssistant { LastInbound = "Achei caro" });
        await using var _ = ctx;
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId));
        Assert.Equal("Achei caro", cut.Instance.Context);
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.Equal(new SuggestInput(LeadId, "objection", "Achei caro"), assistant.Inputs.Single());
    }

    [Fact]
    public async Task Using_a_suggestion_puts_it_in_the_composer_and_records_the_use()
    {
        var (ctx, assistant) = NewContext();
        await using var _ = ctx;
        string? inserted = null;
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId).Add(c => c.CanWrite, true).Add(c => c.OnInsert, (string t) => inserted = t));
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        await cut.Find("[data-testid=copilot-use]").ClickAsync(new());
        Assert.Equal("Entendo, Marina! Se paga em 4 anos.", inserted);
        Assert.Equal(CopilotOutcome.Inserted, assistant.Uses.Single());
        await cut.Find("[data-testid=copilot-log]").ClickAsync(new());
        Assert.Equal(1, assistant.Logged);
    }

    [Fact]
    public async Task A_thumb_is_sent_at_once_and_a_comment_after_it_with_the_same_rating()
    {
        var (ctx, assistant) = NewContext();
        await using var _ = ctx;
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId));
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.Equal(["false", "false"], cut.FindAll("[data-testid=copilot-up], [data-testid=copilot-down]").Select(b => b.GetAttribute("aria-pressed")));
        await cut.Find("[data-testid=copilot-down]").ClickAsync(new());
        Assert.Equal("down", assistant.Feedback.Single().Rating);
        Assert.Equal("true", cut.Find("[data-testid=copilot-down]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid=copilot-up]").GetAttribute("aria-pressed"));
        var comment = cut.Find("[data-testid=copilot-comment]");
        (comment.TagName == "INPUT" ? comment : comment.QuerySelector("input")!).Input("Prometeu desconto que não existe");
        await cut.Find("[data-testid=copilot-comment-send]").ClickAsync(new());
        Assert.Equal(new FeedbackInput(assistant.LastResult!.SessionId, assistant.LastResult.Suggestions[0].Id, "down", "Prometeu desconto que não existe"), assistant.Feedback[1]);
        Assert.Empty(cut.FindAll("[data-testid=copilot-comment]"));
    }

    [Fact]
    public async Task A_template_variable_the_lead_cannot_fill_is_marked_for_the_rep_to_fill()
    {
        using var culture = new CultureScope("pt-BR");
        var template = new TemplateSuggestion(Guid.NewGuid(), "lembrete_reuniao", "Olá, Marina! Lembrando da nossa conversa marcada para {{data}}. Confirma?", 0.7, 0.4, ["data"]);
        var (ctx, assistant) = NewContext(new FakeAssistant { WindowOpen = false });
        await using var _ = ctx;
        assistant.Suggest = (_, _) => Task.FromResult(Answer(SuggestionOrigin.Playbook, false, template));
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId));
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.Equal("{{data}}", cut.Find("[data-testid=copilot-template-missing]").TextContent);
        Assert.Equal("Preencha antes de enviar: data", cut.Find("[data-testid=copilot-template-fill]").TextContent.Trim());
        Assert.Equal("Olá, Marina! Lembrando da nossa conversa marcada para {{data}}. Confirma?", cut.Find("[data-testid=copilot-template-text]").TextContent.Trim());
    }

    [Fact]
    public async Task Outside_the_window_templates_come_first_and_free_text_cannot_go_to_the_composer()
    {
        var template = new TemplateSuggestion(Guid.NewGuid(), "retomar_contato", "Olá, Marina! Podemos retomar?", 0.7, 0.4);
        var (ctx, assistant) = NewContext(new FakeAssistant { WindowOpen = false });
        await using var _ = ctx;
        assistant.Suggest = (_, _) => Task.FromResult(Answer(SuggestionOrigin.Playbook, false, template));
        Guid? used = null;
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId).Add(c => c.CanWrite, true).Add(c => c.OnInsert, (string _) => { })
            .Add(c => c.OnUseTemplate, (Guid id) => used = id));
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.NotNull(cut.Find("[data-testid=copilot-window-closed]"));
        Assert.Empty(cut.FindAll("[data-testid=copilot-use]"));
        await cut.Find("[data-testid=copilot-use-template]").ClickAsync(new());
        Assert.Equal(template.TemplateId, used);
    }

    [Fact]
    public async Task Errors_no_answers_and_a_missing_knowledge_base_are_said_plainly()
    {
        using var culture = new CultureScope("en");
        var (ctx, assistant) = NewContext(new FakeAssistant { HasPlaybook = false });
        await using var _ = ctx;
        var cut = ctx.Render<CopilotPanel>(p => p.Add(c => c.LeadId, LeadId));
        Assert.Contains("Knowledge base unavailable", cut.Find("[data-testid=copilot-no-playbook]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=copilot-empty]"));

        assistant.Suggest = (_, _) => throw new RateLimitedException(TimeSpan.FromMinutes(12), "limit");
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.Equal("Copilot request limit reached. Try again in 12 min.", cut.Find("[data-testid=copilot-error]").TextContent.Trim());

        assistant.Suggest = (_, _) => Task.FromResult(new SuggestResult(Guid.NewGuid(), SuggestionOrigin.Static, [], false, true, []));
        await cut.Find("[data-testid=copilot-ask]").ClickAsync(new());
        Assert.Empty(cut.FindAll("[data-testid=copilot-error]"));
        Assert.NotNull(cut.Find("[data-testid=copilot-none]"));
    }

    private sealed class FakeAssistant : ICopilotAssistant
    {
        public bool HasPlaybook { get; init; } = true;
        public string? LastInbound { get; init; }
        public bool WindowOpen { get; init; } = true;
        public Func<SuggestInput, Func<SuggestionDelta, Task>?, Task<SuggestResult>> Suggest { get; set; } = (_, _) => Task.FromResult(Answer());
        public List<SuggestInput> Inputs { get; } = [];
        public List<FeedbackInput> Feedback { get; } = [];
        public List<CopilotOutcome> Uses { get; } = [];
        public int Logged { get; private set; }
        public SuggestResult? LastResult { get; private set; }

        public Task<(string? LastInbound, bool WindowOpen)> LeadContextAsync(Guid leadId, CancellationToken ct = default) => Task.FromResult((LastInbound, WindowOpen));

        public async Task<SuggestResult> SuggestAsync(SuggestInput input, Func<SuggestionDelta, Task>? onDelta = null, CancellationToken ct = default)
        {
            Inputs.Add(input);
            return LastResult = await Suggest(input, onDelta);
        }

        public Task<FeedbackResult> FeedbackAsync(FeedbackInput input, CancellationToken ct = default)
        {
            Feedback.Add(input);
            return Task.FromResult(new FeedbackResult(input.SessionId!.Value, input.SuggestionId!.Value, input.Rating!, input.Comment, []));
        }

        public Task RecordUseAsync(Guid sessionId, Guid suggestionId, CopilotOutcome outcome, CancellationToken ct = default)
        {
            Uses.Add(outcome);
            return Task.CompletedTask;
        }

        public Task LogAsInteractionAsync(Guid sessionId, Guid suggestionId, CancellationToken ct = default)
        {
            Logged++;
            return Task.CompletedTask;
        }
    }
}
