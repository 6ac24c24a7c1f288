namespace SalesCrm.Web.Features.Gamification;

/// <summary><c>POST /api/v1/quizzes/{id}/answers</c>: the chosen option's index for each question, in order.</summary>
public sealed record QuizAnswersBody(IReadOnlyList<int>? Answers);
