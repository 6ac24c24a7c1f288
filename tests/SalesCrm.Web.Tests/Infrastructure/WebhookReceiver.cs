using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>A loopback HTTP endpoint that records what it receives and fails the first N requests when asked.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body, DateTime At);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; }
    public int StatusWhenFailing { get; set; } = 500;
    /// <summary>When set, every request to <c>/hook</c> is answered 307 to <c>/elsewhere</c> on this receiver.</summary>
    public bool Redirect { get; set; }
    /// <summary>Requests that arrived at <c>/elsewhere</c> (only a client following redirects gets there).</summary>
    public ConcurrentQueue<Received> Redirected { get; } = new();
    /// <summary>Answer with the body received (as some receivers do), so the delivery log keeps it as the response excerpt.</summary>
    public bool Echo { get; set; }

    public WebhookReceiver()
    {
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hook";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTime.UtcNow));
            if (Redirect) return Results.Redirect($"http://127.0.0.1:{port}/elsewhere", permanent: false, preserveMethod: true);
            return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(StatusWhenFailing)
                : Echo ? Results.Text(body, "application/json") : Results.Ok(new { received = true });
        });
        _app.MapPost("/elsewhere", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Redirected.Enqueue(new Received(request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), await reader.ReadToEndAsync(), DateTime.UtcNow));
            return Results.Ok(new { received = true });
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public void FailNext(int count) => _failuresLeft = count;

    public async Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = Requests.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("The expected webhook never arrived.");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Apps that may call loopback receivers, with a retry schedule of seconds instead of hours.</summary>
public class WebhookAppBase(TestProvider provider) : CrmAppFactory(provider)
{
    /// <summary>Loopback destinations allowed; three attempts a second apart; a 3-second timeout.</summary>
    public static readonly KeyValuePair<string, string?>[] FastRetries =
    [
        new("Webhooks:AllowPrivateTargets", "true"),
        new("Webhooks:RetryScheduleSeconds:0", "0"),
        new("Webhooks:RetryScheduleSeconds:1", "1"),
        new("Webhooks:RetryScheduleSeconds:2", "1"),
        new("Webhooks:TimeoutSeconds", "3"),
    ];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => FastRetries;
}

public sealed class WebhookSqliteApp() : WebhookAppBase(TestProvider.Sqlite);

public sealed class WebhookPostgresApp() : WebhookAppBase(TestProvider.Postgres);
