using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Integrations;

namespace SalesCrm.Web.Features.Integrations;

/// <summary>Fetches a lead's answers from the Graph API (<c>Meta:GraphBaseUrl</c>, so tests use a local stub).</summary>
public sealed class MetaGraphClient(HttpClient http, IOptions<MetaAppOptions> options) : IMetaGraphClient
{
    public async Task<IReadOnlyDictionary<string, string>> GetLeadFieldsAsync(string leadgenId, string pageAccessToken, CancellationToken ct)
    {
        var url = $"{options.Value.GraphBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(leadgenId)}?access_token={Uri.EscapeDataString(pageAccessToken)}";
        using var response = await http.GetAsync(url, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && TokenRejected(text))
            throw new HttpRequestException($"Graph API refused the page access token for lead {leadgenId} (OAuthException, code 190: expired or revoked); reconnect the page on the Integrations page, then retry.");
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Graph API answered {(int)response.StatusCode} for lead {leadgenId}: {(text.Length > 300 ? text[..300] : text)}");
        using var doc = JsonDocument.Parse(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (doc.RootElement.TryGetProperty("field_data", out var data))
        {
            foreach (var field in data.EnumerateArray())
            {
                var name = field.GetProperty("name").GetString();
                var value = field.TryGetProperty("values", out var values) && values.GetArrayLength() > 0 ? values[0].ToString() : null;
                if (name is not null && value is not null) fields[name] = value;
            }
        }
        return fields;
    }

    /// <summary>Graph's answer to an expired, revoked or invalid token: <c>{"error":{"type":"OAuthException","code":190,…}}</c>.</summary>
    private static bool TokenRejected(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == 190;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
