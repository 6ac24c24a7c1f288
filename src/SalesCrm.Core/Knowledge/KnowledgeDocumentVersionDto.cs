namespace SalesCrm.Core.Knowledge;

/// <summary>One version of a document, the current one included (<see cref="Current"/>).</summary>
public sealed record KnowledgeDocumentVersionDto(int Version, string Title, string Content, Guid? CreatedBy, DateTime CreatedAt, bool Current);
