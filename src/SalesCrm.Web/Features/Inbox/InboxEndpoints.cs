using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Inbox.Storage;
using Microsoft.Extensions.Options;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>
/// The inbound path: the three public receivers (Meta Lead Ads, Zapier, WhatsApp) store a request and acknowledge it;
/// <see cref="InboxProcessorService"/> turns stored items into leads and messages; the inbox API lists and retries items.
/// </summary>
public static class InboxEndpoints
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration("Inbox");
        services.AddSingleton<InboxIntake>();
        services.AddSingleton<InboxReceiver>();
        services.AddSingleton<InboxSignal>();
        services.AddScoped<InboxService>();
        services.AddScoped<InboxProcessor>();
        services.AddSingleton<IActorScopeFactory, Infrastructure.ActorScopeFactory>();
        services.AddSingleton<InboxWriter>();
        services.AddOptions<InboxJournalOptions>();
        services.AddSingleton<InboxJournal>();
        services.AddSingleton<IInboxSink>(sp => sp.GetRequiredService<IOptions<InboxJournalOptions>>().Value.Directory is null
            ? sp.GetRequiredService<InboxWriter>()
            : sp.GetRequiredService<InboxJournal>());
        services.AddHostedService<InboxProcessorService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var receivers = app.MapGroup("/api/webhooks").WithTags("Inbound webhooks").AllowAnonymous();
        MetaLeadsReceiver.Map(receivers);
        ZapierReceiver.Map(receivers);
        WhatsAppReceiver.Map(receivers);

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
