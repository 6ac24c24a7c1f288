using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// <c>/api/v1/copilot</c>: suggest, feedback, sessions, suggestions, static suggestions and the cache. Every call needs
/// <c>copilot.use</c>; changing static suggestions and reading or clearing the cache need <c>knowledge.manage</c>.
/// </summary>
public static class CopilotEndpoints
{
    public static IEndpointRouteBuilder MapCopilotEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/copilot").WithTags("Copilot").RequireAuthorization(Capabilities.CopilotUse);
        group.MapPost("/suggest", Suggest).WithSummary("Up to 3 suggestions for a lead and intent, each citing its source chunks; 429 past the hourly budget");
        group.MapPost("/feedback", Feedback).WithSummary("Thumbs up/down (and comment) on a suggestion; passed on to the knowledge base's ranking");
        group.MapGet("/sessions", Sessions).WithSummary("?lead_id=&limit=&offset= — newest first; a rep with visibility own sees their own");
        group.MapGet("/suggestions", Suggestions).WithSummary("?session_id=&rating=up|down|none&limit=&offset=");
        group.MapGet("/static-suggestions", ListStatic).WithSummary("?intent=qualification|objection|closing|follow_up|free_text");
        group.MapPost("/static-suggestions", CreateStatic);
        group.MapPut("/static-suggestions/{id:guid}", UpdateStatic);
        group.MapDelete("/static-suggestions/{id:guid}", DeleteStatic);
        group.MapGet("/cache", ListCache).WithSummary("Live cache entries (knowledge.manage)");
        group.MapDelete("/cache", ClearCache).WithSummary("Empties the workspace's cache (knowledge.manage); answers how many entries went");
        return app;
    }

    private static async Task<Ok<SuggestResult>> Suggest(SuggestInput body, CopilotService copilot, CancellationToken ct) =>
        TypedResults.Ok(await copilot.SuggestAsync(body, ct: ct));

    private static async Task<Ok<FeedbackResult>> Feedback(FeedbackInput body, CopilotHistory history, CancellationToken ct) =>
        TypedResults.Ok(await history.FeedbackAsync(body, ct));

    private static async Task<Ok<Paged<CopilotSessionDto>>> Sessions(CopilotHistory history, CancellationToken ct, [FromQuery(Name = "lead_id")] Guid? leadId = null,
        int limit = 50, int offset = 0) =>
        TypedResults.Ok(await history.SessionsAsync(new PageRequest(limit, offset), leadId, ct));

    private static async Task<Ok<Paged<CopilotSuggestionDto>>> Suggestions(CopilotHistory history, CancellationToken ct, [FromQuery(Name = "session_id")] Guid? sessionId = null,
        string? rating = null, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await history.SuggestionsAsync(new PageRequest(limit, offset), sessionId, rating, ct));

    private static async Task<Ok<Paged<StaticSuggestionDto>>> ListStatic(StaticSuggestionService statics, CancellationToken ct, string? intent = null)
    {
        CopilotIntent? parsed = null;
        if (!string.IsNullOrEmpty(intent))
            parsed = SnakeEnum.TryParse<CopilotIntent>(intent, out var i) ? i : throw new ValidationException("intent", "must be qualification, objection, closing, follow_up or free_text.");
        return TypedResults.Ok(Paged.All(await statics.ListAsync(parsed, ct)));
    }

    private static async Task<Created<StaticSuggestionDto>> CreateStatic(StaticSuggestionInput body, StaticSuggestionService statics, CancellationToken ct)
    {
        var created = await statics.CreateAsync(body, ct);
        return TypedResults.Created($"/api/v1/copilot/static-suggestions/{created.Id}", created);
    }

    private static async Task<Ok<StaticSuggestionDto>> UpdateStatic(Guid id, StaticSuggestionInput body, StaticSuggestionService statics, CancellationToken ct) =>
        TypedResults.Ok(await statics.UpdateAsync(id, body, ct));

    private static async Task<NoContent> DeleteStatic(Guid id, StaticSuggestionService statics, CancellationToken ct)
    {
        await statics.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Paged<CopilotCacheEntryDto>>> ListCache(CopilotCache cache, CancellationToken ct, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await cache.ListAsync(new PageRequest(limit, offset), ct));

    private static async Task<Ok<CacheCleared>> ClearCache(CopilotCache cache, CancellationToken ct) =>
        TypedResults.Ok(new CacheCleared(await cache.ClearAsync(ct)));
}
