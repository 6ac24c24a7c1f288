namespace SalesCrm.Core.Analytics;

/// <summary>Leads in a currency other than the report's: not in its sums, counted here so no figure hides them.</summary>
public sealed record CurrencyShare(string Currency, int Leads);
