using SalesCrm.Core.Analytics;

namespace SalesCrm.Web.Features.Analytics;

/// <summary><c>PUT /api/v1/analytics/spend</c>: the entries to store (each replaces the same campaign, month and currency).</summary>
public sealed record SpendBody(IReadOnlyList<SpendInput>? Items);
