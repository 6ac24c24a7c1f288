namespace SalesCrm.Core.Assistant;

public static class ChatLimits
{
    /// <summary>The longest question, in characters.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>The most leads an answer lists (the figure counts them all).</summary>
    public const int MaxLeads = 20;
}
