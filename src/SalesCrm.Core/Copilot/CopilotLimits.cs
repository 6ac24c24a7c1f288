namespace SalesCrm.Core.Copilot;

/// <summary>Sizes the copilot accepts and stores.</summary>
public static class CopilotLimits
{
    /// <summary>Characters of context (the customer's message or the rep's question).</summary>
    public const int ContextLength = 2000;
    public const int SuggestionLength = 2000;
    public const int CommentLength = 1000;
    /// <summary>Suggestions per answer.</summary>
    public const int MaxSuggestions = 3;
}
