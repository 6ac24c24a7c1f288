using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Integrations;

namespace SalesCrm.Web.Features.Webhooks;

public sealed record MetaIntegrationRequest(List<MetaPageInput>? Pages);
public sealed record WhatsAppIntegrationRequest(string? PhoneNumberId, string? AccessToken, string? DisplayPhoneNumber);

public static class IntegrationsEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationsEndpoints(this IEndpointRouteBuilder app)
    {
        var integrations = app.MapGroup("/api/v1/integrations").WithTags("Integrations").RequireAuthorization(Capabilities.SettingsManage);
        integrations.MapGet("/", async (IntegrationService service, CancellationToken ct) => TypedResults.Ok(await service.StatusAsync(ct)));
        integrations.MapPut("/meta", async (MetaIntegrationRequest body, IntegrationService service, CancellationToken ct) => TypedResults.Ok(await service.SetMetaPagesAsync(body.Pages, ct)));
        integrations.MapPut("/whatsapp", async (WhatsAppIntegrationRequest body, IntegrationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetWhatsAppAsync(body.PhoneNumberId, body.AccessToken, body.DisplayPhoneNumber, ct)));
        integrations.MapPost("/zapier/secret", async (IntegrationService service, CancellationToken ct) => TypedResults.Ok(new { secret = await service.RotateZapierSecretAsync(ct) }));

        var inbox = app.MapGroup("/api/v1/webhooks/inbox").WithTags("Integrations").RequireAuthorization(Capabilities.SettingsManage);
        inbox.MapGet("/", async (InboxService service, CancellationToken ct, string? status = null, int limit = 50, int offset = 0) =>
        {
            InboxStatus? parsed = null;
            if (status is not null)
            {
                var text = status.StartsWith("eq.", StringComparison.Ordinal) ? status[3..] : status;
                parsed = SnakeEnum.TryParse<InboxStatus>(text, out var s) ? s : throw new ValidationException("status", "must be pending, processed or failed.");
            }
            return TypedResults.Ok(await service.ListAsync(parsed, new PageRequest(limit, offset), ct));
        });
        inbox.MapPost("/{id:guid}/retry", async (Guid id, InboxService service, CancellationToken ct) => TypedResults.Accepted($"/api/v1/webhooks/inbox", await service.RetryAsync(id, ct)));
        inbox.MapPost("/retry-failed", async (InboxService service, CancellationToken ct) => TypedResults.Accepted("/api/v1/webhooks/inbox", new { requeued = await service.RetryFailedAsync(ct) }))
            .WithSummary("Queues every failed item of the workspace again (e.g. after fixing a page token)");
        return app;
    }
}
