namespace SalesCrm.Core.Copilot;

/// <summary>One suggestion: its id (for feedback), text, origin and the chunks it cites.</summary>
public sealed record SuggestionDto(Guid Id, string Text, SuggestionOrigin Origin, IReadOnlyList<SuggestionSource> Sources);
