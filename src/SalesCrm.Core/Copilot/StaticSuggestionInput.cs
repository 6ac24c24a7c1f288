namespace SalesCrm.Core.Copilot;

/// <summary>A static suggestion to create (intent and text required) or change (only the fields given).</summary>
public sealed record StaticSuggestionInput(CopilotIntent? Intent, string? Text, int? Position = null);
