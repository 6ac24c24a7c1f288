using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Health;

/// <summary>The app on a real port behind a pretend TLS proxy on the same machine (loopback), with some settings.</summary>
public abstract class ProxiedApp(params (string Key, string Value)[] settings) : CrmAppFactory(TestProvider.Sqlite), IAsyncLifetime
{
    public Uri BaseAddress { get; private set; } = default!;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>GETs a path as a TLS proxy would forward it, without following redirects.</summary>
    public async Task<HttpResponseMessage> GetThroughProxyAsync(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await http.SendAsync(request);
    }
}

public sealed class TrustedProxyApp() : ProxiedApp(("ForwardedHeaders:Enabled", "true"));

public sealed class DirectApp() : ProxiedApp;

public sealed class UnknownProxyApp() : ProxiedApp(("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:KnownProxies:0", "10.9.8.7"));

public sealed class ForwardedHeadersBehindATrustedProxyTests(TrustedProxyApp app) : IClassFixture<TrustedProxyApp>
{
    [Fact]
    public async Task X_Forwarded_Proto_https_makes_redirects_and_links_https()
    {
        var redirect = await app.GetThroughProxyAsync("/pipeline");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location!.Scheme);
        var doc = JsonNode.Parse(await (await app.GetThroughProxyAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        Assert.StartsWith("https://", (string?)doc["servers"]![0]!["url"]);
    }
}

public sealed class ForwardedHeadersOffTests(DirectApp app) : IClassFixture<DirectApp>
{
    [Fact]
    public async Task Without_ForwardedHeaders_Enabled_the_headers_are_ignored()
    {
        var redirect = await app.GetThroughProxyAsync("/pipeline");
        Assert.Equal("http", redirect.Headers.Location!.Scheme);
    }
}

public sealed class ForwardedHeadersFromAnUnknownProxyTests(UnknownProxyApp app) : IClassFixture<UnknownProxyApp>
{
    [Fact]
    public async Task Headers_from_an_address_not_in_KnownProxies_are_ignored()
    {
        var redirect = await app.GetThroughProxyAsync("/pipeline");
        Assert.Equal("http", redirect.Headers.Location!.Scheme);
    }
}

public sealed class ForwardedHeadersSettingsTests
{
    [Fact]
    public void Proxies_and_networks_that_do_not_parse_are_refused_at_start()
    {
        var settings = new SalesCrm.Web.Infrastructure.ForwardedHeadersSettings { KnownProxies = ["10.0.0.5", "proxy.local"], KnownNetworks = ["172.16.0.0/12", "172.16.0.0"] };
        var errors = settings.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(settings)).Select(e => e.ErrorMessage).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e!.Contains("'proxy.local'"));
        Assert.Contains(errors, e => e!.Contains("'172.16.0.0'"));
    }
}
