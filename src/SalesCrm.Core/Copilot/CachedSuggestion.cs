namespace SalesCrm.Core.Copilot;

/// <summary>A suggestion as the cache keeps it: text with lead placeholders, and its sources.</summary>
public sealed record CachedSuggestion(string Text, IReadOnlyList<SuggestionSource> Sources);
