namespace SalesCrm.Core.Copilot;

/// <summary>A knowledge-base chunk a suggestion was built from; the panel links it to the document at that chunk.</summary>
public sealed record SuggestionSource(Guid DocumentId, string DocumentTitle, Guid ChunkId);
