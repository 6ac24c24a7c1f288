namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk to add to a document (document id and text required) or to change (null = unchanged).</summary>
public sealed record KnowledgeChunkInput(Guid? DocumentId = null, string? Text = null, IReadOnlyList<string>? HeadingPath = null, bool? Enabled = null);
