namespace SalesCrm.Core.Assistant;

/// <summary>The workspace's names the parser recognises in a question: its stages and its members.</summary>
public sealed record ChatVocabulary(IReadOnlyList<string> Stages, IReadOnlyList<string> Owners)
{
    public static readonly ChatVocabulary Empty = new([], []);
}
