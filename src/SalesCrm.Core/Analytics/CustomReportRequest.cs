namespace SalesCrm.Core.Analytics;

/// <summary>
/// <c>POST /analytics/reports</c>: <paramref name="Metrics"/> (<see cref="LeadMetric"/> names, default <c>leads</c>) of the leads
/// created in the period, by one or two <paramref name="Dimensions"/> (<see cref="LeadDimension"/> names), narrowed by
/// <paramref name="Filters"/> in the lead list's grammar (<c>{"source": "in.(whatsapp,instagram)", "value": "gte.1000"}</c>).
/// </summary>
public sealed record CustomReportRequest(IReadOnlyList<string>? Metrics, IReadOnlyList<string>? Dimensions, IReadOnlyDictionary<string, string>? Filters,
    AnalyticsRequest Scope);
