namespace SalesCrm.Core.Webhooks;

/// <summary>Sends one signed POST; the web host implements it with IHttpClientFactory, resilience and an SSRF-safe connector.</summary>
public interface IWebhookTransport
{
    Task<TransportResult> PostAsync(string url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct);
}
