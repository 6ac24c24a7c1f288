using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Bench;

/// <summary>
/// An OpenAI-compatible chat server on loopback that streams a fixed answer; it notes when the first token (a marker word)
/// was flushed, in Unix milliseconds, so the bench can compare it with when the browser shows that word.
/// </summary>
public sealed class BenchChatStub : IAsyncDisposable
{
    public const string Marker = "Entendo,";
    private readonly WebApplication _app;
    private readonly double _startUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
    private readonly long _start = Stopwatch.GetTimestamp();

    public string BaseUrl { get; }

    /// <summary>When the last answer's first token was flushed (Unix ms, sub-millisecond).</summary>
    public double LastFirstTokenAt { get; private set; }

    private BenchChatStub(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    /// <summary>Unix time in milliseconds from the high-resolution clock.</summary>
    public double NowUnixMs() => _startUnixMs + Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

    public static async Task<BenchChatStub> StartAsync(int firstPort = 5313)
    {
        for (var port = firstPort; port < firstPort + 200; port++)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var stub = new BenchChatStub(app, $"http://127.0.0.1:{port}/v1");
            app.MapPost("/v1/chat/completions", stub.CompleteAsync);
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
        throw new InvalidOperationException("No free loopback port for the chat stub.");
    }

    private async Task CompleteAsync(HttpContext http)
    {
        await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        http.Response.ContentType = "text/event-stream";
        var words = $"{Marker} Marina! O sistema se paga em 4 a 5 anos com a economia na conta de luz. [S1]\n---\nMarina, posso te mandar a simulação de economia para o seu consumo? [S1]".Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await SendAsync(http, (i == 0 ? "" : " ") + words[i]);
            if (i == 0) LastFirstTokenAt = NowUnixMs();
            await Task.Delay(20, http.RequestAborted);
        }
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    private static async Task SendAsync(HttpContext http, string content)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-bench", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = "bench",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = content }, ["finish_reason"] = null }),
        };
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
