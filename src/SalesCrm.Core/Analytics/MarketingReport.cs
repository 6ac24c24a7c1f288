namespace SalesCrm.Core.Analytics;

/// <summary>
/// <c>GET /analytics/marketing</c>: leads created in the period, deals won among them and their revenue by campaign or source;
/// with spend entered for a campaign (months overlapping the period, in the report's currency) also cost per lead, CAC and ROI.
/// </summary>
public sealed record MarketingReport(string Currency, DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<CampaignFigures> Groups,
    IReadOnlyList<CurrencyShare> OtherCurrencies, IReadOnlyList<SpendDto> SpendInOtherCurrencies);

/// <param name="Spend">Spend entered for the campaign in the period's months; null when none (or the report is not grouped by campaign).</param>
/// <param name="CostPerLead">Spend ÷ leads.</param>
/// <param name="Cac">Spend ÷ deals won (customer acquisition cost).</param>
/// <param name="Roi">(Revenue − spend) ÷ spend.</param>
public sealed record CampaignFigures(string? Key, int Leads, int Won, decimal Revenue, decimal? Spend, decimal? CostPerLead, decimal? Cac, double? Roi, string LeadsUrl);
