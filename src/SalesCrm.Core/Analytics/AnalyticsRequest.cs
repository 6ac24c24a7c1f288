namespace SalesCrm.Core.Analytics;

/// <summary>
/// The filters every analytics figure takes. <paramref name="From"/>/<paramref name="To"/> are days in the workspace's time
/// zone, both included (default: the 30 days up to today); <paramref name="Currency"/> is the ISO code money is summed in
/// (default: the workspace's); <paramref name="GroupBy"/> names a dimension or a period (<c>day</c>, <c>week</c>, <c>month</c>)
/// as each report documents.
/// </summary>
public sealed record AnalyticsRequest(DateOnly? From = null, DateOnly? To = null, Guid? PipelineId = null, Guid? OwnerId = null, string? GroupBy = null,
    string? Currency = null);
