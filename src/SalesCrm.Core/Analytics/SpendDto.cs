namespace SalesCrm.Core.Analytics;

/// <summary>A campaign's spend in a month (<c>2026-10</c>), amount in major units of its currency.</summary>
public sealed record SpendDto(Guid Id, string Campaign, string Month, decimal Amount, string Currency);
