namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk as the API and the page show it.</summary>
public sealed record KnowledgeChunkDto(
    Guid Id,
    Guid DocumentId,
    int Ordinal,
    IReadOnlyList<string> HeadingPath,
    string Text,
    int CharCount,
    bool Enabled,
    bool Edited,
    bool Searchable,
    string? EmbeddingModel,
    int? EmbeddingDimension,
    DateTime? EmbeddedAt,
    DateTime UpdatedAt)
{
    public static KnowledgeChunkDto From(KnowledgeChunk c) => new(c.Id, c.DocumentId, c.Ordinal, c.HeadingPath, c.Text, c.CharCount, c.Enabled, c.Edited,
        c.Searchable, c.EmbeddingModel, c.EmbeddingDimension, c.EmbeddedAt, c.UpdatedAt);
}
