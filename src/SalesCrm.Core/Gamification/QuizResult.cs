namespace SalesCrm.Core.Gamification;

/// <summary>How a member did: right answers of the total; passed at 70 % or more (a passed quiz earns the <c>quiz.completed</c> rule's points).</summary>
public sealed record QuizResult(Guid QuizId, int Correct, int Total, bool Passed);
