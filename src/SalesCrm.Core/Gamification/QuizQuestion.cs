namespace SalesCrm.Core.Gamification;

/// <summary>One question: its text, 2–6 options and the index of the right one (never sent to the member answering).</summary>
public sealed record QuizQuestion(string Text, IReadOnlyList<string> Options, int Correct);
