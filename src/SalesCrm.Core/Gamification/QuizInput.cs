namespace SalesCrm.Core.Gamification;

/// <summary>
/// A quiz on a published knowledge document: a title (default the document's) and 1–20 questions; with no questions
/// they are generated from the document's text (<see cref="QuizGenerator"/>).
/// </summary>
public sealed record QuizInput(Guid? DocumentId, string? Title, IReadOnlyList<QuizQuestion>? Questions);
