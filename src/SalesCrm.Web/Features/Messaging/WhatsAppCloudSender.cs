using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Common;
using SalesCrm.Core.Integrations;
using SalesCrm.Web.Features.Integrations;

namespace SalesCrm.Web.Features.Messaging;

/// <summary>
/// <c>POST {WhatsApp:GraphBaseUrl}/{phone_number_id}/messages</c> with the tenant's token. A tenant without a connected
/// number gets outbox mode: the message is stored as <c>queued</c> and shown as not sent.
/// </summary>
public sealed class WhatsAppCloudSender(HttpClient http, IOptionsMonitor<MetaAppOptions> options, IDbContextFactory<CrmDbContext> dbFactory, ISecretProtector protector) : IWhatsAppSender
{
    public Task<SendResult> SendTextAsync(Guid tenantId, string to, string text, CancellationToken ct) =>
        PostAsync(tenantId, new { messaging_product = "whatsapp", recipient_type = "individual", to = to.TrimStart('+'), type = "text", text = new { preview_url = false, body = text } }, ct);

    public Task<SendResult> SendTemplateAsync(Guid tenantId, string to, string templateName, string language, IReadOnlyList<string> parameters, CancellationToken ct) =>
        PostAsync(tenantId, new
        {
            messaging_product = "whatsapp", recipient_type = "individual", to = to.TrimStart('+'), type = "template",
            template = new
            {
                name = templateName, language = new { code = language },
                components = parameters.Count == 0 ? [] : new object[] { new { type = "body", parameters = parameters.Select(p => new { type = "text", text = p }) } },
            },
        }, ct);

    public Task<SendResult> SendInteractiveAsync(Guid tenantId, string to, string interactive, CancellationToken ct) =>
        PostAsync(tenantId, new { messaging_product = "whatsapp", recipient_type = "individual", to = to.TrimStart('+'), type = "interactive", interactive = System.Text.Json.Nodes.JsonNode.Parse(interactive) }, ct);

    /// <summary>
    /// The media file: Graph's <c>GET /{media_id}</c> gives a short-lived URL, which is then downloaded with the same token.
    /// Media WhatsApp no longer has (404 or 410, or 400 with error code 100, "object does not exist") is a
    /// <see cref="MediaUnavailableException"/>; any other failure of Graph or the download is a <see cref="ProviderException"/>.
    /// </summary>
    public async Task<(byte[] Content, string ContentType)> DownloadMediaAsync(Guid tenantId, string mediaId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Kind == IntegrationKind.WhatsApp, ct)
                          ?? throw new SalesCrm.Core.Common.NotFoundException("WhatsApp integration");
        var token = protector.Unprotect(integration.SecretProtected!);
        try
        {
            using var meta = new HttpRequestMessage(HttpMethod.Get, $"{options.Get(MetaAppOptions.WhatsApp).GraphBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(mediaId)}");
            meta.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var metaResponse = await http.SendAsync(meta, ct);
            var metaBody = await metaResponse.Content.ReadAsStringAsync(ct);
            await EnsureMediaAsync(metaResponse, metaBody);
            using var doc = JsonDocument.Parse(metaBody);
            var url = doc.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : throw new ProviderException("WhatsApp gave no URL for the media.");
            var type = doc.RootElement.TryGetProperty("mime_type", out var mt) ? mt.GetString() ?? "application/octet-stream" : "application/octet-stream";
            using var download = new HttpRequestMessage(HttpMethod.Get, url);
            download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(download, ct);
            if (!response.IsSuccessStatusCode) await EnsureMediaAsync(response, await response.Content.ReadAsStringAsync(ct));
            return (await response.Content.ReadAsByteArrayAsync(ct), type);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or UriFormatException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new ProviderException($"WhatsApp's media download failed: {e.Message}");
        }
    }

    /// <summary>Throws for an unsuccessful Graph answer: expired media as unavailable, the rest as a provider error.</summary>
    private static Task EnsureMediaAsync(HttpResponseMessage response, string body)
    {
        if (response.IsSuccessStatusCode) return Task.CompletedTask;
        var status = (int)response.StatusCode;
        var graphCode = 0;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number) graphCode = c.GetInt32();
        }
        catch (JsonException) { /* not Graph's error shape: the HTTP status decides */ }
        if (status is 404 or 410 || (status == 400 && graphCode == 100)) throw new MediaUnavailableException();
        throw new ProviderException($"WhatsApp answered HTTP {status} for the media.");
    }

    private async Task<SendResult> PostAsync(Guid tenantId, object payload, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.Integrations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Kind == IntegrationKind.WhatsApp, ct);
        if (integration?.SecretProtected is null) return new SendResult(MessageStatus.Queued, null, null);
        var url = $"{options.Get(MetaAppOptions.WhatsApp).GraphBaseUrl.TrimEnd('/')}/{integration.ExternalId}/messages";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", protector.Unprotect(integration.SecretProtected));
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (response.IsSuccessStatusCode && doc.RootElement.TryGetProperty("messages", out var messages) && messages.GetArrayLength() > 0)
                return new SendResult(MessageStatus.Sent, messages[0].GetProperty("id").GetString(), null);
            var error = doc.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m) ? m.GetString() : $"HTTP {(int)response.StatusCode}";
            return new SendResult(MessageStatus.Failed, null, SendFailure.Describe(SendFailure.Refused, error));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new SendResult(MessageStatus.Failed, null, SendFailure.Describe(SendFailure.Unreachable, e.Message));
        }
    }
}
