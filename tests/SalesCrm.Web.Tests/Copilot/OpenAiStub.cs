using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// A local OpenAI-compatible server on loopback (Kestrel): <c>POST /v1/chat/completions</c> streams the answer in
/// server-sent events, word by word. A request whose text contains <see cref="Sleep"/> waits longer than any test timeout;
/// one with <see cref="Fail"/> answers 500. <see cref="Gate"/>, when set, holds the stream after its first token until released.
/// <c>POST /v1/embeddings</c> answers deterministic vectors (<see cref="StubEmbedding"/>), failing while
/// <see cref="EmbeddingFailures"/> is above zero and waiting for <see cref="EmbeddingGate"/> when set.
/// </summary>
public sealed class OpenAiStub : IAsyncDisposable
{
    public const string Sleep = "[[stub:sleep]]";
    public const string Fail = "[[stub:fail]]";

    private readonly WebApplication _app;

    /// <summary>Request bodies received, in order.</summary>
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>The answer streamed for ordinary requests; <c>{first}</c> becomes the first name the prompt gives.</summary>
    public string Answer { get; set; } =
        "Entendo, {first}! O investimento se paga em poucos meses com a economia na conta de luz. [S1]\n---\nPosso te mostrar a simulação de economia para o seu consumo? [S1][S2]";

    /// <summary>Delay between streamed words.</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Fired when the first token of an answer has been flushed to the client.</summary>
    public event Action? FirstTokenSent;

    public string BaseUrl { get; }

    /// <summary>How many of the next embeddings requests answer 500 (counted down per request; int.MaxValue: until changed).</summary>
    public int EmbeddingFailures;

    /// <summary>When set, embeddings requests for passages (texts with a line break, as the job sends) wait for it; questions do not.</summary>
    public TaskCompletionSource? EmbeddingGate { get; set; }

    /// <summary>Embeddings requests received (failed ones included).</summary>
    public int EmbeddingRequests => Volatile.Read(ref _embeddingRequests);

    /// <summary>Texts embedded successfully, in order.</summary>
    public ConcurrentQueue<string> EmbeddedTexts { get; } = new();

    private int _embeddingRequests;

    private OpenAiStub(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    /// <summary>Starts on the first free loopback port from <paramref name="firstPort"/> up.</summary>
    public static async Task<OpenAiStub> StartAsync(int firstPort = 5313)
    {
        for (var port = firstPort; port < firstPort + 200; port++)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var stub = new OpenAiStub(app, $"http://127.0.0.1:{port}/v1");
            app.MapPost("/v1/chat/completions", stub.CompleteAsync);
            app.MapPost("/v1/embeddings", stub.EmbedAsync);
            try
            {
                await app.StartAsync();
                return stub;
            }
            catch (IOException)
            {
                await app.DisposeAsync();
            }
        }
        throw new InvalidOperationException("No free loopback port for the OpenAI stub.");
    }

    private async Task CompleteAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) ?? new JsonObject();
        Requests.Enqueue(body);
        var prompt = body.ToJsonString();
        if (prompt.Contains(Fail, StringComparison.Ordinal))
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "stub failure", type = "server_error" } });
            return;
        }
        if (prompt.Contains(Sleep, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
            return;
        }
        var first = System.Text.RegularExpressions.Regex.Match(prompt, @"LEAD: first name ([^;\\]+)").Groups[1].Value.Trim();
        var answer = Answer.Replace("{first}", first.Length > 0 ? first : "tudo bem");
        http.Response.ContentType = "text/event-stream";
        await SendAsync(http, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        var words = System.Text.RegularExpressions.Regex.Split(answer, @"(?<=\s)");
        for (var i = 0; i < words.Length; i++)
        {
            await SendAsync(http, new JsonObject { ["content"] = words[i] }, null);
            if (i == 0)
            {
                FirstTokenSent?.Invoke();
                if (Gate is { } gate) await gate.Task.WaitAsync(http.RequestAborted);
            }
            await Task.Delay(TokenDelay, http.RequestAborted);
        }
        await SendAsync(http, new JsonObject(), "stop");
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
