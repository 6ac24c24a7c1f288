using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Scale;
using SalesCrm.Web.Features.Health;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using SalesCrm.Web.Features.Insights;
using SalesCrm.Web.Features.Pipelines;
using StackExchange.Redis;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>
/// <c>Scale:Redis</c> switches on (ADR 046): the cluster bus in place of the in-process one, carrying every signal
/// registered so far; the SignalR Redis backplane for the pipeline and insights hubs; shared rate-limit windows; Redis in <c>/health/ready</c>. Without it
/// nothing here is registered and no Redis code runs. Call after every feature has registered its signals.
/// </summary>
public static class ScaleSetup
{
    public static IServiceCollection AddCrmScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScaleOptions>().BindConfiguration("Scale");
        var options = configuration.GetSection("Scale").Get<ScaleOptions>() ?? new ScaleOptions();
        if (string.IsNullOrWhiteSpace(options.Redis)) return services;

        var tenantSignals = SignalTypes<TenantSignal>(services);
        var workSignals = SignalTypes<WorkSignal>(services);
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IClusterTransport, RedisClusterTransport>();
        services.AddSingleton(sp => new ClusterBus(sp.GetRequiredService<IClusterTransport>(),
            tenantSignals.Select(t => (TenantSignal)sp.GetRequiredService(t)),
            workSignals.Select(t => (WorkSignal)sp.GetRequiredService(t)),
            sp.GetRequiredService<ILogger<ClusterBus>>()));
        services.Replace(ServiceDescriptor.Singleton<ICrmEventBus>(sp => sp.GetRequiredService<ClusterBus>()));
        services.AddHostedService<ClusterBusListener>();
        services.AddSingleton<ISharedWindowCounter, RedisWindowCounter>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);

        // The backplane for the app's own hubs only: Blazor circuits are sticky to their instance and need none, and
        // keeping them off Redis keeps pages working while Redis is down.
        services.Configure<RedisOptions>(o =>
        {
            o.Configuration = RedisConnection.Configure(options.Redis);
            o.Configuration.ChannelPrefix = RedisChannel.Literal(options.RedisPrefix + "signalr:");
        });
        services.AddSingleton<HubLifetimeManager<PipelineHub>, RedisHubLifetimeManager<PipelineHub>>();
        services.AddSingleton<HubLifetimeManager<InsightsHub>, RedisHubLifetimeManager<InsightsHub>>();
        return services;
    }

    private static List<Type> SignalTypes<TSignal>(IServiceCollection services) =>
        services.Where(d => d.Lifetime == ServiceLifetime.Singleton && d.ServiceType.IsSubclassOf(typeof(TSignal)))
            .Select(d => d.ServiceType).Distinct().ToList();
}
