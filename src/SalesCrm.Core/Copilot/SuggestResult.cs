namespace SalesCrm.Core.Copilot;

/// <summary>
/// The answer to <c>POST /api/v1/copilot/suggest</c>: the session, who answered, up to three suggestions. For a lead
/// whose WhatsApp 24-hour window is closed (<paramref name="WindowOpen"/> false), <paramref name="Templates"/> ranks the
/// workspace's approved templates to send instead of free text; it is empty otherwise.
/// </summary>
public sealed record SuggestResult(Guid SessionId, SuggestionOrigin Provider, IReadOnlyList<SuggestionDto> Suggestions, bool Cached, bool? WindowOpen,
    IReadOnlyList<TemplateSuggestion> Templates);
