namespace SalesCrm.Core.Gamification;

/// <summary>A question without its answer.</summary>
public sealed record QuizQuestionDto(string Text, IReadOnlyList<string> Options);
