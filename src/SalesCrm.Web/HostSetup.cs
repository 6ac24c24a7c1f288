using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Web.Components;
using SalesCrm.Web.Features.Analytics;
using SalesCrm.Web.Features.Gamification;
using SalesCrm.Web.Features.Assistant;
using SalesCrm.Web.Features.Reports;
using SalesCrm.Web.Features.Audit;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Features.Health;
using SalesCrm.Web.Features.Identity;
using SalesCrm.Web.Features.Tenancy;
using SalesCrm.Web.Features.Leads;
using SalesCrm.Web.Features.Pipelines;
using SalesCrm.Web.Features.Activities;
using SalesCrm.Core;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Web.Features.Events;
using SalesCrm.Web.Features.Rest;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Features.Integrations;
using SalesCrm.Web.Features.Webhooks;
using SalesCrm.Web.Features.Messaging;
using SalesCrm.Web.Features.Knowledge;
using SalesCrm.Web.Features.Copilot;
using SalesCrm.Web.Features.Insights;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.Hubs;
using SalesCrm.Web.Infrastructure.Scale;
using SalesCrm.Web.Infrastructure.OpenApi;
using SalesCrm.Web.Infrastructure.Scheduling;
using SalesCrm.Web.Infrastructure.Storage;

namespace SalesCrm.Web;

/// <summary>The host's wiring: one line per feature so Program.cs stays a short list.</summary>
public static class HostSetup
{
    public static readonly string[] Cultures = ["pt-BR", "en"];

    public static WebApplicationBuilder AddSalesCrm(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var paths = new DataPaths(builder.Configuration, builder.Environment);
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        services.AddCrmDataProtection();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddCrmDatabase(builder.Configuration, paths);
        services.AddCrmIdentity(builder.Configuration);
        services.AddCrmProblemDetails();
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        services.AddSingleton<CrmRateLimiter>();
        services.AddCrmHealth();
        services.AddCrmForwardedHeaders();
        services.AddLeads();
        services.AddCrmFileStorage(builder.Configuration);
        services.AddCrmScheduling(builder.Configuration);
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddHostedService<PipelineBroadcaster>();
        services.AddSingleton(typeof(VisibilityGroups<>));
        services.AddOptions<SalesCrm.Core.Claims.ClaimOptions>().BindConfiguration("Scale:Claims");
        services.AddHostedService<OutboxDispatcherService>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddWebhooks();
        services.AddIntegrations();
        services.AddInbox();
        services.AddMessaging();
        services.AddKnowledge();
        services.AddCopilotTriage();
        services.AddCopilotVoice();
        services.AddCopilot(builder.Configuration);
        services.AddAnalytics();
        services.AddGamification();
        services.AddInsights(builder.Configuration);
        services.AddAssistant();
        services.AddWorkflows();
        services.AddWorkflowIntegrationNodes();
        services.AddWorkflowMessagingNodes();
        services.AddWorkflowTemplates();
        services.AddReports();
        services.AddDemo();
        services.AddCrmScaleOut(builder.Configuration);

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new NoNullItemsConverterFactory());
            o.SerializerOptions.Converters.Add(new NoNulStringConverter());
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddCrmOpenApi();
        services.AddAntiforgery();
        services.AddApiCors(builder.Configuration);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // The circuit's start message carries the page's persisted component state: report tabs hand their prerendered report to
        // the circuit (ADR 056), and a communication report with its 168 heatmap cells' links is past SignalR's 32 kB default.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CurrentUserCircuitHandler>();
        // Messages open bottom-left: top-right (MudBlazor's default) covers the page toolbars (designer's Publish, board filters)
        // right when a user clicks again after the action that raised them.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddTransient<MudBlazor.MudLocalizer, CrmMudLocalizer>();
        return builder;
    }

    /// <summary>
    /// Start-up work, one instance at a time (<see cref="StartupLock"/>): instances started together migrate once and
    /// seed the demo once; the later ones wait, then find the work done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using (await StartupLock.AcquireAsync(app.Services))
        {
            await app.Services.PrepareSharedStateAsync();
            await app.Services.RecoverInboxJournalAsync();
            // Data fixes that SQL can do are migrations (default pipelines: DefaultPipelinesForEveryWorkspace, ADR 048).
            // What stays here needs .NET: the lead search text is folded by UnicodeText.Fold (Unicode decomposition, no SQL
            // equivalent on SQLite), the journal is files, the demo seed is built by the services.
            await app.Services.BackfillLeadSearchAsync();
            await app.Services.SeedDemoWorkspaceAsync();
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) app.Logger.LogInformation("SalesCrm is listening on {Url}", url);
            if (FileStorageSetup.ProviderOf(app.Configuration) == StorageProvider.Local && FileStorageSetup.ConfiguredForSeveralInstances(app.Configuration))
                app.Logger.LogWarning(FileStorageSetup.LocalOnSeveralInstances);
            Console.WriteLine($"SalesCrm is running: {string.Join(", ", app.Urls)}  (data: {app.Services.GetRequiredService<DataPaths>().Root})");
        });
    }

    /// <summary>
    /// What every process needs before it serves or runs a command: the migrated database, the shared Data Protection
    /// key ring and the JWT signing key. Call under the <see cref="StartupLock"/>.
    /// </summary>
    public static async Task PrepareSharedStateAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.MigrateCrmDatabaseAsync(ct);
        await services.PrepareKeyRingAsync(ct);
        await services.GetRequiredService<JwtSigningKey>().LoadAsync(services, ct);
    }

    public static WebApplication UseSalesCrm(this WebApplication app)
    {
        app.UseCrmForwardedHeaders();
        app.UseMiddleware<HeadRequests>();
        app.UseRouting(); // after HeadRequests, so a HEAD on /api/v1 is routed to its GET
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseApiCors();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<RequestInputGuard>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseAntiforgery();

        app.MapCrmOpenApi();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapRolesEndpoints();
        app.MapApiKeysEndpoints();
        app.MapMembersEndpoints();
        app.MapWorkspaceEndpoints();
        app.MapAuditEndpoints();
        app.MapPipelinesEndpoints();
        app.MapLeadsEndpoints();
        app.MapInteractionsEndpoints();
        app.MapActivitiesEndpoints();
        app.MapEventsEndpoints();
        app.MapRestEndpoints();
        app.MapWebhooksEndpoints();
        app.MapIntegrationsEndpoints();
        app.MapInboxEndpoints();
        app.MapMessagingEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapCopilotTriageEndpoints();
        app.MapCopilotVoiceEndpoints();
        app.MapCopilotEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapGamificationEndpoints();
        app.MapInsightsEndpoints();
        app.MapAssistantEndpoints();
        app.MapWorkflowsEndpoints();
        app.MapWorkflowIntegrationEndpoints();
        app.MapWorkflowFunnelEndpoints();
        app.MapWorkflowTemplatesEndpoints();
        app.MapHub<PipelineHub>(PipelineHub.Path);
        app.MapAccountEndpoints();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
