namespace SalesCrm.Core.Copilot;

public sealed record StaticSuggestionDto(Guid Id, CopilotIntent Intent, string Text, int Position, DateTime UpdatedAt)
{
    public static StaticSuggestionDto From(StaticSuggestion s) => new(s.Id, s.Intent, s.Text, s.Position, s.UpdatedAt);
}
