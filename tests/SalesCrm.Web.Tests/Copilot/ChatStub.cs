using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// A local chat-model server on loopback (Kestrel) that streams <see cref="Answer"/> word by word in its protocol's wire
/// format (<see cref="OpenAiStub"/>, <see cref="OllamaStub"/>). Words in the request steer it: <see cref="Sleep"/> sends
/// nothing for a minute, <see cref="Stall"/> sends the first word and then nothing for a minute, <see cref="Fail"/> answers
/// 500, <see cref="FailMidStream"/> sends the first word and then the protocol's error. <see cref="Gate"/>, when set, holds
/// the stream after its first word until released.
/// </summary>
public abstract partial class ChatStub : IAsyncDisposable
{
    public const string Sleep = "[[stub:sleep]]";
    public const string Stall = "[[stub:stall]]";
    public const string Fail = "[[stub:fail]]";
    public const string FailMidStream = "[[stub:fail-mid]]";

    private WebApplication _app = default!;

    /// <summary>Request bodies received, in order.</summary>
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>Paths requested, in order.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    /// <summary>The answer streamed for ordinary requests; <c>{first}</c> becomes the first name the prompt gives.</summary>
    public string Answer { get; set; } =
        "Entendo, {first}! O investimento se paga em poucos meses com a economia na conta de luz. [S1]\n---\nPosso te mostrar a simulação de economia para o seu consumo? [S1][S2]";

    /// <summary>Delay between streamed words.</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Fired when the first word of an answer has been flushed to the client.</summary>
    public event Action? FirstTokenSent;

    /// <summary>The base URL a client is configured with.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The chat endpoint's path.</summary>
    protected abstract string Path { get; }

    protected abstract string BaseUrlFor(int port);

    /// <summary>Starts <paramref name="stub"/> on the first free loopback port from <paramref name="firstPort"/> up.</summary>
    protected static async Task<T> StartAsync<T>(T stub, int firstPort) where T : ChatStub
    {
        for (var port = firstPort; port < firstPort + 200; port++)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            app.MapPost(stub.Path, stub.AnswerAsync);
            stub.MapMore(app);
            try
            {
                await app.StartAsync();
                (stub._app, stub.BaseUrl) = (app, stub.BaseUrlFor(port));
                return stub;
            }
            catch (IOException)
            {
                await app.DisposeAsync();
            }
        }
        throw new InvalidOperationException($"No free loopback port for {typeof(T).Name}.");
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) ?? new JsonObject();
        Requests.Enqueue(body);
        Paths.Enqueue(http.Request.Path);
        var prompt = body.ToJsonString();
        if (prompt.Contains(Fail, StringComparison.Ordinal))
        {
            http.Response.StatusCode = 500;
            await FailAsync(http);
            return;
        }
        if (prompt.Contains(Sleep, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
            return;
        }
        var first = FirstName().Match(prompt).Groups[1].Value.Trim();
        var answer = Answer.Replace("{first}", first.Length > 0 ? first : "tudo bem");
        await BeginAsync(http, body);
        var words = Regex.Split(answer, @"(?<=\s)");
        for (var i = 0; i < words.Length; i++)
        {
            await WordAsync(http, words[i]);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            if (i == 0)
            {
                FirstTokenSent?.Invoke();
                if (Gate is { } gate) await gate.Task.WaitAsync(http.RequestAborted);
                if (prompt.Contains(Stall, StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
                if (prompt.Contains(FailMidStream, StringComparison.Ordinal))
                {
                    await ErrorInStreamAsync(http);
                    return;
                }
            }
            await Task.Delay(TokenDelay, http.RequestAborted);
        }
        await EndAsync(http);
    }

    /// <summary>Maps the protocol's other endpoints (none by default).</summary>
    protected virtual void MapMore(WebApplication app) { }

    /// <summary>Sets the content type and sends what comes before the first word of the answer to <paramref name="request"/>.</summary>
    protected abstract Task BeginAsync(HttpContext http, JsonNode request);

    protected abstract Task WordAsync(HttpContext http, string word);

    protected abstract Task EndAsync(HttpContext http);

    /// <summary>The body of a 500.</summary>
    protected abstract Task FailAsync(HttpContext http);

    /// <summary>An error reported inside a stream that has begun.</summary>
    protected abstract Task ErrorInStreamAsync(HttpContext http);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"LEAD: first name ([^;\\]+)")]
    private static partial Regex FirstName();
}
