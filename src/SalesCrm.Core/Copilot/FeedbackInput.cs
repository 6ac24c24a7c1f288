namespace SalesCrm.Core.Copilot;

/// <summary><c>POST /api/v1/copilot/feedback</c>: <paramref name="Rating"/> is <c>up</c> or <c>down</c>; the comment is optional.</summary>
public sealed record FeedbackInput(Guid? SessionId, Guid? SuggestionId, string? Rating, string? Comment = null);
