using SalesCrm.Core.Analytics;

namespace SalesCrm.Web.Features.Analytics;

/// <summary>
/// <c>POST /api/v1/analytics/reports</c>: <c>metrics</c>, <c>dimensions</c>, <c>filters</c> (lead-list grammar per field), the
/// usual <c>from</c>, <c>to</c>, <c>pipeline_id</c>, <c>owner_id</c>, <c>currency</c>, and <c>format</c>: <c>json</c> (default), <c>csv</c> or <c>xlsx</c>.
/// </summary>
public sealed record CustomReportBody(IReadOnlyList<string>? Metrics, IReadOnlyList<string>? Dimensions, Dictionary<string, string>? Filters,
    DateOnly? From, DateOnly? To, Guid? PipelineId, Guid? OwnerId, string? Currency, string? Format)
{
    public CustomReportRequest ToRequest() => new(Metrics, Dimensions, Filters, new AnalyticsRequest(From, To, PipelineId, OwnerId, null, Currency));
}
