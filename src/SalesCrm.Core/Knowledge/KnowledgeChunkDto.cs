namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk as the API and the page show it; the embedding fields describe its current vector of the configured model (null without one).</summary>
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
    public sealed record Vector(string Model, int Dimensions, DateTime EmbeddedAt);

    public static KnowledgeChunkDto From(KnowledgeChunk c, Vector? vector) => new(c.Id, c.DocumentId, c.Ordinal, c.HeadingPath, c.Text, c.CharCount, c.Enabled, c.Edited,
        c.Searchable, vector?.Model, vector?.Dimensions, vector?.EmbeddedAt, c.UpdatedAt);
}
