namespace SalesCrm.Core.Gamification;

/// <summary>A quiz as a member takes it: the questions with their options, never the right answers; whether the caller already completed it.</summary>
public sealed record QuizDto(Guid Id, Guid DocumentId, string Title, IReadOnlyList<QuizQuestionDto> Questions, bool Completed);
