namespace SalesCrm.Core.Common.Filtering;

/// <summary>A PostgREST logical group: <c>or=(a.eq.1,b.gt.2)</c>, <c>and=(…)</c>, nested <c>or(…)</c>/<c>and(…)</c>, each optionally <c>not.</c>.</summary>
public sealed record FilterGroup(bool Or, bool Negated, IReadOnlyList<FilterNode> Children) : FilterNode;
