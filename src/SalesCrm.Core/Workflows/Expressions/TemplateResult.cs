namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A rendered template: the text, the problems met (unknown variables, unknown filters, values a filter could not
/// read, truncation), each a short English sentence for the run's step log, and whether the text was cut at the limit.
/// </summary>
public sealed record TemplateResult(string Text, IReadOnlyList<string> Warnings, bool Truncated);
