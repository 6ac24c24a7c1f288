namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>One choice of a buttons or list question: <paramref name="Id"/> is what WhatsApp sends back when tapped, <paramref name="Title"/> what the lead reads.</summary>
public sealed record AnswerOption(string Id, string Title)
{
    /// <summary>Options from a node's <c>options</c> setting, a list of titles: each title is also its id (the value stored).</summary>
    public static IReadOnlyList<AnswerOption> FromTitles(IEnumerable<string> titles) =>
        titles.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => new AnswerOption(t.Trim(), t.Trim())).ToList();
}
