using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Reverse-proxy support from configuration (<see cref="ForwardedHeadersSettings"/>); off unless enabled.</summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCrmForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            var s = settings.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = s.ForwardLimit;
            // With no list, ASP.NET Core's default stands: only a proxy on this machine (loopback) is believed.
            if (s.KnownProxies.Count + s.KnownNetworks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in s.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in s.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseCrmForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled) app.UseForwardedHeaders();
        return app;
    }
}
