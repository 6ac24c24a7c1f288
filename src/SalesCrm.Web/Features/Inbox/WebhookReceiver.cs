using Microsoft.AspNetCore.Diagnostics;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// Inbound webhook receivers (Meta leads, Zapier, WhatsApp) are short-circuited: routing runs them at once, ahead of the
/// middleware pipeline (localization, authentication, antiforgery, …). A signed machine-to-machine POST needs none of it,
/// and skipping it is most of what makes acknowledgements fast. What they do need is kept here: the correlation id,
/// the rate limit, and problem+json for anything that throws (the sender then retries; nothing is acknowledged unstored).
/// </summary>
public static class WebhookReceiver
{
    public static IEndpointConventionBuilder AsWebhookReceiver(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilterFactory((factory, next) =>
    {
        var services = factory.ApplicationServices;
        var limiter = services.GetRequiredService<CrmRateLimiter>();
        var problems = services.GetRequiredService<IProblemDetailsService>();
        var handlers = services.GetServices<IExceptionHandler>().ToArray();
        return async invocation =>
        {
            var context = invocation.HttpContext;
            CorrelationIdMiddleware.Assign(context);
            if (!await limiter.AdmitAsync(context, problems)) return Results.Empty;
            try
            {
                return await next(invocation);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                foreach (var handler in handlers)
                    if (await handler.TryHandleAsync(context, e, context.RequestAborted)) return Results.Empty;
                throw;
            }
        };
    }).DisableValidation().ShortCircuit(); // a raw, signed body: nothing to bind or validate
}
