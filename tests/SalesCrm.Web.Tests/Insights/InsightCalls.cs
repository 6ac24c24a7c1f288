using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Insights;

/// <summary>Reads the API as a reader whose browser asks for <c>language</c> (Accept-Language).</summary>
public static class InsightCalls
{
    public static async Task<JsonNode> GetInAsync(this Session session, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await session.Client.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>A PATCH with <paramref name="body"/> as JSON; <paramref name="language"/> null sends no Accept-Language.</summary>
    public static async Task<JsonNode> PatchInAsync(this Session session, string url, object body, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await session.Client.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);
    }
}
