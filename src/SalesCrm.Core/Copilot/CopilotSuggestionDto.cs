namespace SalesCrm.Core.Copilot;

/// <summary>A stored suggestion as <c>GET /api/v1/copilot/suggestions</c> lists it, with its rating (<c>up</c>, <c>down</c> or null).</summary>
public sealed record CopilotSuggestionDto(Guid Id, Guid SessionId, int Position, string Text, SuggestionOrigin Origin, IReadOnlyList<SuggestionSource> Sources,
    string? Rating, string? Comment, DateTime? RatedAt, DateTime CreatedAt)
{
    public static CopilotSuggestionDto From(CopilotSuggestion s) =>
        new(s.Id, s.SessionId, s.Position, s.Text, s.Origin, s.Sources, RatingText(s.Rating), s.Comment, s.RatedAt, s.CreatedAt);

    public static string? RatingText(bool? rating) => rating switch { true => "up", false => "down", null => null };
}
