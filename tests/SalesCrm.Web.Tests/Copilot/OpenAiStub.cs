using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>An OpenAI-compatible chat server: <c>POST /v1/chat/completions</c> streams chunks as server-sent events, ending with <c>[DONE]</c>.</summary>
public sealed class OpenAiStub : ChatStub
{
    private OpenAiStub() { }

    public static Task<OpenAiStub> StartAsync(int firstPort = 5313) => StartAsync(new OpenAiStub(), firstPort);

    protected override string Path => "/v1/chat/completions";

    protected override string BaseUrlFor(int port) => $"http://127.0.0.1:{port}/v1";

    protected override async Task BeginAsync(HttpContext http, JsonNode request)
    {
        http.Response.ContentType = "text/event-stream";
        await SendAsync(http, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
    }

    protected override Task WordAsync(HttpContext http, string word) => SendAsync(http, new JsonObject { ["content"] = word }, null);

    protected override async Task EndAsync(HttpContext http)
    {
        await SendAsync(http, new JsonObject(), "stop");
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    protected override Task FailAsync(HttpContext http) =>
        http.Response.WriteAsJsonAsync(new { error = new { message = "stub failure", type = "server_error" } });

    protected override Task ErrorInStreamAsync(HttpContext http) =>
        http.Response.WriteAsync("data: {\"error\":{\"message\":\"stub failure\",\"type\":\"server_error\"}}\n\n", http.RequestAborted);

    private static async Task SendAsync(HttpContext http, JsonObject delta, string? finish)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-stub", ["object"] = "chat.completion.chunk", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = "stub",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
