using System.Text.Json;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.OpenApi;

namespace SalesCrm.Web.Features.Events;

public sealed record EmitEventRequest(string? Type, JsonElement? Payload, Guid? LeadId);

public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/event-schemas", () =>
        {
            var items = EventCatalog.List();
            return TypedResults.Ok(Paged.All(items));
        }).WithTags("Events").RequireAuthorization();
        var events = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization(Capabilities.LeadsRead);
        events.MapGet("/", async (HttpContext http, EventService service, CancellationToken ct) =>
        {
            var q = ListQuery.From(http.Request);
            var page = await service.ListAsync(q.Filters, q.Order, new PageRequest(q.Limit, q.Offset), ct);
            http.Response.Headers["Content-Range"] = Rest.PostgrestResponse.ContentRange(page, Rest.PostgrestResponse.CountExact(http.Request));
            return Results.Json(JsonSelect.Page(page, q.Select, http.JsonOptions()), http.JsonOptions());
        }).WithSummary("List events (e.g. ?type=eq.lead.created&occurred_at=gte.2026-01-01&order=occurred_at.desc)").WithListParameters(EventService.Fields.Names);
        events.MapGet("/{id:guid}", async (Guid id, EventService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)));
        events.MapPost("/", async (EmitEventRequest body, HttpContext http, EventService service, CancellationToken ct) =>
        {
            var e = await service.EmitAsync(body.Type, body.Payload, body.LeadId, ct);
            return http.Request.WantsMinimal() ? Results.NoContent() : TypedResults.Created($"/api/v1/events/{e.Id}", e);
        }).WithSummary("Emit a catalog event (validated against its schema) or a custom.* event").WithIdempotency();
        return app;
    }
}
