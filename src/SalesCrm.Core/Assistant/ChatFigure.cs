namespace SalesCrm.Core.Assistant;

/// <summary>
/// One number of an answer, as a query returned it. <see cref="Unit"/>: <c>count</c>, <c>money</c> (major units of
/// <see cref="Currency"/>), <c>percent</c> (0–100) or <c>minutes</c>. <see cref="Group"/> names the dimension when the figure is
/// one group of a breakdown (<c>source</c>, <c>owner</c>, <c>month</c>…), null for a total.
/// </summary>
public sealed record ChatFigure(string Label, decimal Value, string Unit, string? Currency = null, string? Group = null);
