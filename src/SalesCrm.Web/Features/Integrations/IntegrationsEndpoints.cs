using SalesCrm.Core.Identity;
using SalesCrm.Core.Integrations;

namespace SalesCrm.Web.Features.Integrations;

/// <summary>The workspace's connections to Meta Lead Ads, WhatsApp and Zapier, and the Graph API client that reads Meta leads.</summary>
public static class IntegrationsEndpoints
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddScoped<IntegrationService>();
        services.AddOptions<MetaAppOptions>(MetaAppOptions.Meta).BindConfiguration(MetaAppOptions.Meta);
        services.AddOptions<MetaAppOptions>().BindConfiguration(MetaAppOptions.Meta);
        services.AddOptions<MetaAppOptions>(MetaAppOptions.WhatsApp).BindConfiguration(MetaAppOptions.WhatsApp);
        services.AddHttpClient<IMetaGraphClient, MetaGraphClient>().AddStandardResilienceHandler();
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrationsEndpoints(this IEndpointRouteBuilder app)
    {
        var integrations = app.MapGroup("/api/v1/integrations").WithTags("Integrations").RequireAuthorization(Capabilities.SettingsManage);
        integrations.MapGet("/", async (IntegrationService service, CancellationToken ct) => TypedResults.Ok(await service.StatusAsync(ct)));
        integrations.MapPut("/meta", async (MetaIntegrationRequest body, IntegrationService service, CancellationToken ct) => TypedResults.Ok(await service.SetMetaPagesAsync(body.Pages, ct)));
        integrations.MapPut("/whatsapp", async (WhatsAppIntegrationRequest body, IntegrationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetWhatsAppAsync(body.PhoneNumberId, body.AccessToken, body.DisplayPhoneNumber, ct)));
        integrations.MapPost("/zapier/secret", async (IntegrationService service, CancellationToken ct) => TypedResults.Ok(new { secret = await service.RotateZapierSecretAsync(ct) }));
        return app;
    }
}
