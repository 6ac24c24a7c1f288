namespace SalesCrm.Core.Copilot;

/// <summary>The stored rating and the chunks it was passed on to the knowledge base for (empty when nothing was forwarded).</summary>
public sealed record FeedbackResult(Guid SessionId, Guid SuggestionId, string Rating, string? Comment, IReadOnlyList<Guid> ForwardedChunkIds);
