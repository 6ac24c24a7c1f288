using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// An OpenAI-compatible server: <c>POST /v1/chat/completions</c> streams chunks as server-sent events, ending with
/// <c>[DONE]</c>; <c>POST /v1/embeddings</c> answers deterministic vectors (<see cref="StubEmbedding"/>), failing while
/// <see cref="EmbeddingFailures"/> is above zero and waiting for <see cref="EmbeddingGate"/> when set.
/// </summary>
public sealed class OpenAiStub : ChatStub
{
    private OpenAiStub() { }

    /// <summary>How many of the next embeddings requests answer 500 (counted down per request; int.MaxValue: until changed).</summary>
    public int EmbeddingFailures;

    /// <summary>When set, embeddings requests for passages (texts with a line break, as the job sends) wait for it; questions do not.</summary>
    public TaskCompletionSource? EmbeddingGate { get; set; }

    /// <summary>Embeddings requests received (failed ones included).</summary>
    public int EmbeddingRequests => Volatile.Read(ref _embeddingRequests);

    /// <summary>Texts embedded successfully, in order.</summary>
    public ConcurrentQueue<string> EmbeddedTexts { get; } = new();

    private int _embeddingRequests;

    protected override void MapMore(WebApplication app) => app.MapPost("/v1/embeddings", EmbedAsync);

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

    private async Task EmbedAsync(HttpContext http)
    {
        Interlocked.Increment(ref _embeddingRequests);
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) ?? new JsonObject();
        var inputs = body["input"] is JsonArray array ? array.Select(i => (string?)i ?? "").ToList() : [(string?)body["input"] ?? ""];
        if (EmbeddingGate is { } gate && inputs.Any(i => i.Contains('\n'))) await gate.Task.WaitAsync(http.RequestAborted);
        if (Interlocked.Decrement(ref EmbeddingFailures) >= 0)
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "stub embeddings failure", type = "server_error" } });
            return;
        }
        Interlocked.Exchange(ref EmbeddingFailures, 0);
        var model = (string?)body["model"] ?? "stub";
        var base64 = (string?)body["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            EmbeddedTexts.Enqueue(inputs[i]);
            var vector = StubEmbedding.Of(model, inputs[i]);
            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        });
    }

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
