using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Infrastructure.OpenApi;

namespace SalesCrm.Web.Features.Rest;

/// <summary>
/// A PostgREST-compatible read surface for integrators coming from <c>/rest/v1/…</c> APIs (and for
/// <c>@supabase/postgrest-js</c>): the same filter grammar, answers as a bare JSON array with <c>Content-Range</c>,
/// <c>Prefer: count=exact</c>, <c>Accept: application/vnd.pgrst.object+json</c>. Same authentication (API key or
/// bearer), tenancy and visibility as <c>/api/v1</c>: each resource reads through its own service. See ADR 008.
/// </summary>
public static class RestEndpoints
{
    /// <summary>GET, and HEAD for a count alone (postgrest-js <c>{ head: true, count: 'exact' }</c>).</summary>
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapRestEndpoints(this IEndpointRouteBuilder app)
    {
        var rest = app.MapGroup("/rest/v1").WithTags("PostgREST").RequireAuthorization(Capabilities.LeadsRead);
        rest.MapMethods("/leads", Read, (HttpContext http, LeadQuery query, CancellationToken ct) =>
            PostgrestResponse.ListAsync(http, r => query.ListAsync(new LeadListRequest(r.Filters, r.Order, http.Request.Query["q"].FirstOrDefault(), r.Limit, r.Offset, r.Count), ct), searchable: true))
            .WithSummary("Leads, PostgREST style: ?name=ilike.*ana*&or=(…)&order=…&select=…, Range, Prefer: count=exact; q= searches as on /api/v1").WithListParameters(LeadQuery.Fields.Names, search: true);
        rest.MapMethods("/events", Read, (HttpContext http, EventService events, CancellationToken ct) =>
            PostgrestResponse.ListAsync(http, r => events.ListAsync(r.Filters, r.Order, new PageRequest(r.Limit, r.Offset), ct))).WithListParameters(EventService.Fields.Names);
        rest.MapMethods("/activities", Read, (HttpContext http, ActivityQuery query, CancellationToken ct) => PostgrestResponse.ListAsync(http, r => query.ListAsync(r, ct))).WithListParameters(ActivityQuery.Fields.Names);
        rest.MapMethods("/interactions", Read, (HttpContext http, InteractionQuery query, CancellationToken ct) => PostgrestResponse.ListAsync(http, r => query.ListAsync(r, ct))).WithListParameters(InteractionQuery.Fields.Names);
        rest.MapMethods("/pipelines", Read, (HttpContext http, PipelineQuery query, CancellationToken ct) => PostgrestResponse.ListAsync(http, r => query.ListPipelinesAsync(r, ct))).WithListParameters(PipelineQuery.PipelineFields.Names);
        rest.MapMethods("/stages", Read, (HttpContext http, PipelineQuery query, CancellationToken ct) => PostgrestResponse.ListAsync(http, r => query.ListStagesAsync(r, ct))).WithListParameters(PipelineQuery.StageFields.Names);
        return app;
    }
}
