using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Web.Tests.Assistant;

/// <summary>
/// An OpenAI-compatible chat server (non-streaming <c>POST /v1/chat/completions</c>) on loopback: while the conversation has
/// no tool result it answers a call of <see cref="Function"/> with <see cref="Arguments"/>; once it has one, the final
/// <see cref="FinalAnswer"/>. <see cref="Mode"/> makes it fail (500), sleep past any timeout, or answer without calling.
/// </summary>
public sealed class ToolCallStub : IAsyncDisposable
{
    public enum Behaviour { CallThenAnswer, Fail, Sleep, AnswerWithoutCalling }

    private WebApplication _app = default!;

    public string BaseUrl { get; private set; } = "";

    public string Function { get; set; } = "query_crm";

    public string Arguments { get; set; } = """{"metric":"won","from":"2026-10-01","to":"2026-10-31","source":"instagram"}""";

    public string FinalAnswer { get; set; } = "Dois negócios do Instagram foram ganhos em outubro.";

    public Behaviour Mode { get; set; } = Behaviour.CallThenAnswer;

    /// <summary>Request bodies received, in order.</summary>
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public static async Task<ToolCallStub> StartAsync(int firstPort = 5613)
    {
        var stub = new ToolCallStub();
        for (var port = firstPort; port < firstPort + 200; port++)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            app.MapPost("/v1/chat/completions", stub.AnswerAsync);
            try
            {
                await app.StartAsync();
                (stub._app, stub.BaseUrl) = (app, $"http://127.0.0.1:{port}/v1");
                return stub;
            }
            catch (IOException)
            {
                await app.DisposeAsync();
            }
        }
        throw new InvalidOperationException("No free loopback port for the tool-call stub.");
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) ?? new JsonObject();
        Requests.Enqueue(body);
        switch (Mode)
        {
            case Behaviour.Fail:
                http.Response.StatusCode = 500;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "stub failure", type = "server_error" } });
                return;
            case Behaviour.Sleep:
                await Task.Delay(TimeSpan.FromMinutes(1), http.RequestAborted);
                return;
        }
        var hasResult = body["messages"]!.AsArray().Any(m => (string?)m!["role"] == "tool");
        JsonObject message = Mode == Behaviour.AnswerWithoutCalling || hasResult
            ? new JsonObject { ["role"] = "assistant", ["content"] = FinalAnswer }
            : new JsonObject
            {
                ["role"] = "assistant", ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = "call_1", ["type"] = "function", ["function"] = new JsonObject { ["name"] = Function, ["arguments"] = Arguments },
                }),
            };
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-stub", ["object"] = "chat.completion", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = "stub-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = message.ContainsKey("tool_calls") ? "tool_calls" : "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
