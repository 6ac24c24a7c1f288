namespace SalesCrm.Core.Copilot;

/// <summary>A suggestion growing while a model streams it: the text so far of the suggestion at <paramref name="Index"/> (0-based).</summary>
public sealed record SuggestionDelta(int Index, string Text);
