using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>Knowledge-base calls the tests repeat: create a document, search, list chunks.</summary>
public static class KnowledgeApi
{
    public static async Task<JsonNode> CreateDocumentAsync(this Session session, string title, string content, string type = "faq", object? extra = null)
    {
        var body = new JsonObject { ["title"] = title, ["type"] = type, ["language"] = "pt-BR", ["content"] = content };
        if (extra is not null)
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra, Api.Json)!.AsObject()) body[key] = value?.DeepClone();
        return await (await session.Client.PostAsJsonAsync("/api/v1/knowledge/documents", body)).ExpectAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonArray> SearchAsync(this Session session, string query, object? extra = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (extra is not null)
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra, Api.Json)!.AsObject()) body[key] = value?.DeepClone();
        return (await (await session.Client.PostAsJsonAsync("/api/v1/knowledge/search", body)).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
    }

    public static async Task<JsonArray> ChunksAsync(this Session session, string documentId) =>
        (await (await session.Client.GetAsync($"/api/v1/knowledge/chunks?document_id=eq.{documentId}&limit=500")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();

    public static IEnumerable<string?> Titles(this JsonArray items) => items.Select(i => (string?)i!["document_title"]);
}
