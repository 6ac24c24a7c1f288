using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Messaging;

public static class MessagingEndpoints
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddScoped<EarlyStatusService>();
        services.AddScoped<InboundMessageService>();
        services.AddScoped<OutboundMessageService>();
        services.AddScoped<ConversationService>();
        services.AddScoped<ConversationHandoffService>();
        services.AddSingleton<ConversationActivity>();
        services.AddScoped<TemplateService>();
        services.AddHttpClient<IWhatsAppSender, WhatsAppCloudSender>().AddStandardResilienceHandler();
        return services;
    }

    public static IEndpointRouteBuilder MapMessagingEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/v1/leads/{id:guid}/messages").WithTags("Messaging").RequireAuthorization(Capabilities.LeadsRead);
        messages.MapGet("/", async (Guid id, ConversationService service, CancellationToken ct, int limit = 50, int offset = 0) =>
            TypedResults.Ok(await service.ListAsync(id, new PageRequest(limit, offset), ct)));
        messages.MapPost("/", async (Guid id, SendMessageRequest body, OutboundMessageService outbound, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/leads/{id}/messages", await outbound.SendAsync(id, body.Text, body.TemplateId, body.Variables, ct))).WithIdempotency();
        messages.MapPost("/{messageId:guid}/retry", async (Guid id, Guid messageId, OutboundMessageService outbound, CancellationToken ct) =>
            TypedResults.Ok(await outbound.RetryAsync(id, messageId, ct)));
        messages.MapGet("/{messageId:guid}/media", MediaAsync);
        app.MapGet("/files/leads/{id:guid}/messages/{messageId:guid}/media", MediaAsync).ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        messages.MapPost("/read", async (Guid id, ConversationService service, CancellationToken ct) => TypedResults.Ok(new { marked = await service.MarkReadAsync(id, ct) }));
        messages.MapGet("/handoff", async (Guid id, ConversationHandoffService service, CancellationToken ct) =>
            TypedResults.Ok(new { handled_by_human = await service.IsHandledByHumanAsync(id, ct) })).WithSummary("Whether a person handles the conversation (the bot is silent).");
        messages.MapPost("/handoff/release", async (Guid id, ConversationHandoffService service, CancellationToken ct) =>
            TypedResults.Ok(new { released = await service.ReleaseAsync(id, ct) })).WithSummary("Gives the conversation back to the bot.");

        app.MapGet("/api/v1/conversations", async (ConversationService service, CancellationToken ct, int limit = 50, int offset = 0, string? order = null) =>
            TypedResults.Ok(await service.ConversationsAsync(new PageRequest(limit, offset), ct, ParseOrder(order)))).WithTags("Messaging").RequireAuthorization(Capabilities.LeadsRead);

        var templates = app.MapGroup("/api/v1/templates").WithTags("Messaging").RequireAuthorization(Capabilities.LeadsRead);
        templates.MapGet("/", async (TemplateService service, CancellationToken ct) =>
        {
            var items = await service.ListAsync(ct);
            return TypedResults.Ok(Paged.All(items));
        });
        templates.MapPost("/", async (TemplateRequest body, TemplateService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(body.ToInput(), ct);
            return TypedResults.Created($"/api/v1/templates/{created.Id}", created);
        });
        templates.MapPut("/{id:guid}", async (Guid id, TemplateRequest body, TemplateService service, CancellationToken ct) => TypedResults.Ok(await service.UpdateAsync(id, body.ToInput(), ct)));
        templates.MapDelete("/{id:guid}", async (Guid id, TemplateService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        templates.MapGet("/{id:guid}/stats", async (Guid id, TemplateService service, CancellationToken ct) => TypedResults.Ok(await service.StatsAsync(id, ct)));
        return app;
    }

    /// <summary><c>latest</c> (default) or <c>urgency</c>; anything else is a 400 on <c>order</c>.</summary>
    private static ConversationOrder ParseOrder(string? order) =>
        string.IsNullOrEmpty(order) ? ConversationOrder.Latest
        : Core.Data.SnakeEnum.TryParse<ConversationOrder>(order, out var parsed) ? parsed
        : throw new ValidationException("order", "must be 'latest' or 'urgency'.");

    private static async Task<IResult> MediaAsync(Guid id, Guid messageId, ConversationService service, CancellationToken ct)
    {
        var (content, contentType, fileName) = await service.OpenMediaAsync(id, messageId, ct);
        return TypedResults.File(content, contentType, fileName, enableRangeProcessing: true);
    }

}
