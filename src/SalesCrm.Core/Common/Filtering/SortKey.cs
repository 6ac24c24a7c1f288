namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// One <c>order=</c> key. <paramref name="NullsFirst"/> null means PostgreSQL's default, which both providers follow:
/// nulls last when ascending, first when descending.
/// </summary>
public sealed record SortKey(string Field, bool Descending, bool? NullsFirst = null)
{
    public bool NullsComeFirst => NullsFirst ?? Descending;
}
