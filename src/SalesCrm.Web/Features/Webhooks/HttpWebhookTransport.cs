using System.Net;
using System.Net.Sockets;
using System.Text;
using Polly;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Web.Features.Webhooks;

/// <summary>
/// Posts signed webhook bodies through a named HttpClient. The connection is checked at connect time (after DNS), so a
/// host that resolves to a private address is refused even if it changed since the subscription was saved.
/// </summary>
public sealed class HttpWebhookTransport(IHttpClientFactory clients) : IWebhookTransport
{
    public const string ClientName = "webhooks";

    /// <summary>Registers the transport and its HttpClient (private targets refused at connect time, one attempt bounded by <c>Webhooks:TimeoutSeconds</c>).</summary>
    public static IServiceCollection AddWebhookTransport(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        services.AddHttpClient(ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("SalesCrm-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, ct) => ConnectAsync(context, options.AllowPrivateTargets, ct),
                };
            })
            .AddResilienceHandler("webhook-attempt", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                // One attempt is bounded in time; the long retry schedule is persisted per delivery, not held in memory.
                builder.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
            });
        return services;
    }

    public async Task<TransportResult> PostAsync(string url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var text = await ReadExcerptAsync(response, ct);
            return new TransportResult((int)response.StatusCode, text, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new TransportResult(null, null, e is HttpRequestException { InnerException: SocketException or IOException } or HttpRequestException ? Describe(e) : "Timed out.");
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[500];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static string Describe(Exception e) => (e.InnerException?.Message ?? e.Message) is { Length: > 300 } m ? m[..300] : e.InnerException?.Message ?? e.Message;

    internal static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || !TargetGuard.IsPrivate(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"Refused: {context.DnsEndPoint.Host} resolves to a private or loopback address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
