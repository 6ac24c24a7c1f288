using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// The copilot beside the WhatsApp composer: intent chips, a context box prefilled with the lead's last inbound message,
/// suggestions streamed in as the model writes them, each labelled with its origin and linked to its sources, with copy,
/// use (into the composer, or logged on the timeline) and thumbs up/down. Outside the 24-hour window it offers the
/// ranked approved templates first. Slots are left for the voice feature's record and play-aloud buttons.
/// </summary>
public partial class CopilotPanel : ComponentBase
{
    internal static readonly CopilotIntent[] Intents = [CopilotIntent.Qualification, CopilotIntent.Objection, CopilotIntent.Closing, CopilotIntent.FollowUp, CopilotIntent.FreeText];

    [Inject] private ICopilotAssistant Assistant { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    /// <summary>The lead asked about; null for questions about no lead.</summary>
    [Parameter] public Guid? LeadId { get; set; }

    /// <summary>Whether the reader may write to the lead (use in the composer, log on the timeline).</summary>
    [Parameter] public bool CanWrite { get; set; }

    /// <summary>Puts a suggestion's text into the WhatsApp composer; without it there is no "use" button.</summary>
    [Parameter] public EventCallback<string> OnInsert { get; set; }

    /// <summary>Selects a ranked template in the composer (the lead's 24-hour window is closed).</summary>
    [Parameter] public EventCallback<Guid> OnUseTemplate { get; set; }

    /// <summary>Raised after a suggestion was logged on the lead's timeline.</summary>
    [Parameter] public EventCallback OnLogged { get; set; }

    /// <summary>Voice input beside the context box (record, transcribe into <see cref="Context"/>): the voice feature's slot.</summary>
    [Parameter] public RenderFragment? VoiceInput { get; set; }

    /// <summary>Per-suggestion voice actions (play aloud): the voice feature's slot.</summary>
    [Parameter] public RenderFragment<SuggestionDto>? SuggestionVoice { get; set; }

    internal CopilotIntent Intent { get; private set; } = CopilotIntent.Objection;
    /// <summary>The context box; public so the voice feature can fill it with a transcript.</summary>
    public string? Context { get; set; }
    internal bool HasPlaybook { get; private set; } = true;
    internal bool Asking { get; private set; }
    internal List<string> Streaming { get; } = [];
    internal SuggestResult? Result { get; private set; }
    internal string? Error { get; private set; }
    internal Dictionary<Guid, bool> Ratings { get; } = [];
    internal Dictionary<Guid, string?> Comments { get; } = [];
    internal HashSet<Guid> Commented { get; } = [];
    private bool _windowOpen = true;
    private Guid? _loadedFor;

    /// <summary>The template's text cut at the variables the lead did not fill (<c>{{data}}</c>), each marked for the rep to fill.</summary>
    internal static IEnumerable<(string Part, bool Variable)> TemplateParts(TemplateSuggestion template)
    {
        var missing = template.Missing ?? [];
        if (missing.Count == 0)
        {
            yield return (template.Text, false);
            yield break;
        }
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(template.Text, @"\{\{\s*([a-zA-Z0-9_]+)\s*\}\}"))
        {
            if (!missing.Contains(m.Groups[1].Value)) continue;
            if (m.Index > at) yield return (template.Text[at..m.Index], false);
            yield return (m.Groups[1].Value, true);
            at = m.Index + m.Length;
        }
        if (at < template.Text.Length) yield return (template.Text[at..], false);
    }

    protected override async Task OnParametersSetAsync()
    {
        HasPlaybook = Assistant.HasPlaybook;
        if (LeadId is not { } lead || _loadedFor == lead) return;
        _loadedFor = lead;
        try
        {
            var (lastInbound, windowOpen) = await Assistant.LeadContextAsync(lead);
            _windowOpen = windowOpen;
            if (string.IsNullOrWhiteSpace(Context)) Context = lastInbound;
        }
        catch (DomainException)
        {
            // The panel still works without the lead's context (e.g. the lead was deleted meanwhile).
        }
    }

    /// <summary>Fills the context box from outside (the voice feature's transcript) and redraws.</summary>
    public Task SetContextAsync(string? text) => InvokeAsync(() => { Context = text; StateHasChanged(); });

    private void IntentChanged(CopilotIntent intent) => Intent = intent;

    internal async Task AskAsync()
    {
        Asking = true;
        Error = null;
        Result = null;
        Streaming.Clear();
        Ratings.Clear();
        Commented.Clear();
        try
        {
            Result = await Assistant.SuggestAsync(new SuggestInput(LeadId, SalesCrm.Core.Data.SnakeEnum.ToText(Intent), Context), OnDeltaAsync);
            if (Result.WindowOpen is { } open) _windowOpen = open;
        }
        catch (RateLimitedException e)
        {
            Error = string.Format(L["CopilotRateLimited"], Math.Max(1, (int)Math.Ceiling(e.RetryAfter.TotalMinutes)));
        }
        catch (ValidationException)
        {
            Error = L["CopilotNeedsContext"];
        }
        catch (DomainException)
        {
            Error = L["CopilotError"];
        }
        finally
        {
            Asking = false;
        }
    }

    /// <summary>A model's suggestion growing: shown at once, token by token.</summary>
    private Task OnDeltaAsync(SuggestionDelta delta) => InvokeAsync(() =>
    {
        while (Streaming.Count <= delta.Index) Streaming.Add("");
        Streaming[delta.Index] = delta.Text;
        StateHasChanged();
    });

    /// <summary>The rep's rating of a suggestion in this view: up, down, or null when not rated.</summary>
    internal bool? Rated(SuggestionDto s) => Ratings.TryGetValue(s.Id, out var positive) ? positive : null;

    internal bool CanInsert(SuggestResult result) => OnInsert.HasDelegate && CanWrite && result.WindowOpen != false && _windowOpen;

    internal async Task CopyAsync(SuggestionDto s)
    {
        await Js.InvokeVoidAsync("navigator.clipboard.writeText", s.Text);
        Snackbar.Add(L["Copied"], Severity.Success);
        await RecordAsync(s, CopilotOutcome.Copied);
    }

    internal async Task InsertAsync(SuggestionDto s)
    {
        await OnInsert.InvokeAsync(s.Text);
        await RecordAsync(s, CopilotOutcome.Inserted);
    }

    internal async Task LogAsync(SuggestionDto s)
    {
        if (Result is null) return;
        try
        {
            await Assistant.LogAsInteractionAsync(Result.SessionId, s.Id);
            Snackbar.Add(L["CopilotLogged"], Severity.Success);
            await OnLogged.InvokeAsync();
        }
        catch (DomainException)
        {
            Snackbar.Add(L["AccessDenied"], Severity.Error);
        }
    }

    internal async Task RateAsync(SuggestionDto s, bool positive)
    {
        if (Result is null) return;
        await Assistant.FeedbackAsync(new FeedbackInput(Result.SessionId, s.Id, positive ? "up" : "down"));
        Ratings[s.Id] = positive;
    }

    internal async Task CommentAsync(SuggestionDto s)
    {
        if (Result is null || !Ratings.TryGetValue(s.Id, out var positive) || string.IsNullOrWhiteSpace(Comments.GetValueOrDefault(s.Id))) return;
        await Assistant.FeedbackAsync(new FeedbackInput(Result.SessionId, s.Id, positive ? "up" : "down", Comments[s.Id]));
        Commented.Add(s.Id);
        Snackbar.Add(L["CopilotThanks"], Severity.Success);
    }

    private async Task RecordAsync(SuggestionDto s, CopilotOutcome outcome)
    {
        if (Result is null) return;
        try { await Assistant.RecordUseAsync(Result.SessionId, s.Id, outcome); }
        catch (DomainException) { /* recording the use never blocks the rep */ }
    }

    /// <summary>The knowledge base's page for the document, opened at the cited chunk.</summary>
    internal static string SourceHref(SuggestionSource source) => $"/knowledge/documents/{source.DocumentId}?chunk={source.ChunkId}";
}
