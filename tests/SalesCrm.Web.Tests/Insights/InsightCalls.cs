using System.Net;
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
}
