namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// One parsed <c>field=op.value</c> condition. <paramref name="Config"/> is the text-search configuration of the
/// fts operators (<c>fts(english).word</c>), null for the others.
/// </summary>
public sealed record FilterCondition(string Field, FilterOperator Operator, bool Negated, IReadOnlyList<string> Values, string? Config = null) : FilterNode;
