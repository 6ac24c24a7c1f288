namespace SalesCrm.Core.Home;

/// <summary>How many things there are, and the first few of them to show.</summary>
public sealed record TopItems<T>(int Count, IReadOnlyList<T> Items);
