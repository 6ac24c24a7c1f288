using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// An Ollama server's chat endpoint as OllamaSharp reads it: <c>POST /api/chat</c> answers <c>application/x-ndjson</c>, one
/// JSON object a line — <c>{"model","created_at","message":{"role":"assistant","content":word},"done":false}</c> per word,
/// then a last <c>"done":true</c> line with <c>done_reason</c> and the token counts; errors are <c>{"error":"…"}</c>
/// (the body of a failed request, or a line of a stream that has begun).
/// </summary>
public sealed class OllamaStub : ChatStub
{
    private OllamaStub() { }

    public static Task<OllamaStub> StartAsync(int firstPort = 5343) => StartAsync(new OllamaStub(), firstPort);

    protected override string Path => "/api/chat";

    protected override string BaseUrlFor(int port) => $"http://127.0.0.1:{port}";

    protected override Task BeginAsync(HttpContext http, JsonNode request)
    {
        http.Response.ContentType = "application/x-ndjson";
        http.Items[nameof(Model)] = (string?)request["model"] ?? "";
        http.Items[nameof(Words)] = 0;
        return Task.CompletedTask;
    }

    private static string Model(HttpContext http) => (string)http.Items[nameof(Model)]!;

    private static int Words(HttpContext http) => (int)http.Items[nameof(Words)]!;

    protected override Task WordAsync(HttpContext http, string word)
    {
        http.Items[nameof(Words)] = Words(http) + 1;
        return LineAsync(http, new JsonObject
        {
            ["model"] = Model(http), ["created_at"] = DateTime.UtcNow.ToString("O"),
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = word }, ["done"] = false,
        });
    }

    protected override Task EndAsync(HttpContext http) => LineAsync(http, new JsonObject
    {
        ["model"] = Model(http), ["created_at"] = DateTime.UtcNow.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" },
        ["done"] = true, ["done_reason"] = "stop", ["total_duration"] = 4_935_886_791L, ["load_duration"] = 534_986_708L,
        ["prompt_eval_count"] = 26, ["prompt_eval_duration"] = 107_345_000L, ["eval_count"] = Words(http), ["eval_duration"] = 4_289_432_000L,
    });

    protected override Task FailAsync(HttpContext http) => http.Response.WriteAsJsonAsync(new { error = "stub failure" });

    protected override Task ErrorInStreamAsync(HttpContext http) => LineAsync(http, new JsonObject { ["error"] = "stub failure" });

    private static async Task LineAsync(HttpContext http, JsonObject line)
    {
        await http.Response.WriteAsync(line.ToJsonString() + "\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
