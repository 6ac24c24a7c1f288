namespace SalesCrm.Core.Common.Filtering;

/// <summary>A node of a parsed PostgREST filter: one condition (<see cref="FilterCondition"/>) or a logical group (<see cref="FilterGroup"/>).</summary>
public abstract record FilterNode;
