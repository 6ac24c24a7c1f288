namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>One choice of a buttons or list question: <paramref name="Id"/> is what WhatsApp sends back when tapped, <paramref name="Title"/> what the lead reads.</summary>
public sealed record AnswerOption(string Id, string Title);
