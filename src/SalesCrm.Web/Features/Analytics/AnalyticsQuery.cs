using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Analytics;

namespace SalesCrm.Web.Features.Analytics;

/// <summary>The query string every analytics GET takes: <c>from</c>, <c>to</c> (dates in the workspace's zone), <c>pipeline_id</c>, <c>owner_id</c>, <c>group_by</c>, <c>currency</c>.</summary>
public sealed record AnalyticsQuery(
    [property: FromQuery(Name = "from")] DateOnly? From,
    [property: FromQuery(Name = "to")] DateOnly? To,
    [property: FromQuery(Name = "pipeline_id")] Guid? PipelineId,
    [property: FromQuery(Name = "owner_id")] Guid? OwnerId,
    [property: FromQuery(Name = "group_by")] string? GroupBy,
    [property: FromQuery(Name = "currency")] string? Currency)
{
    public AnalyticsRequest ToRequest() => new(From, To, PipelineId, OwnerId, GroupBy, Currency);
}
