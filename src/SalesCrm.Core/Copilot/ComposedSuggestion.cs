namespace SalesCrm.Core.Copilot;

/// <summary>A suggestion as written (by a model, the grounded composer or the static list) before it is stored: text and the chunks it came from.</summary>
public sealed record ComposedSuggestion(string Text, IReadOnlyList<SuggestionSource> Sources);
