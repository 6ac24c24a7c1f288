using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Web.Features.Webhooks;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The <c>http_request</c> node's calls: a named HttpClient with the outbound webhooks' connector (the address is checked
/// after DNS, at connect time, so a host that resolves to a private or loopback address is refused unless
/// <c>Webhooks:AllowPrivateTargets</c>; no redirects followed), and a Polly pipeline per call: a time-out per attempt
/// (the node's <c>timeout_seconds</c>) inside retries with exponential backoff (<see cref="WorkflowHttpOptions"/>).
/// </summary>
public sealed class HttpWorkflowTransport(IHttpClientFactory clients, IOptions<WorkflowHttpOptions> options) : IWorkflowHttpTransport
{
    public const string ClientName = "workflow-http";

    public static void Register(IServiceCollection services)
    {
        services.AddOptions<WorkflowHttpOptions>().BindConfiguration(WorkflowHttpOptions.Section);
        services.AddSingleton<IWorkflowHttpTransport, HttpWorkflowTransport>();
        services.AddHttpClient(ClientName, c =>
            {
                c.DefaultRequestHeaders.UserAgent.ParseAdd("SalesCrm-Workflows/1.0");
                c.Timeout = Timeout.InfiniteTimeSpan; // the pipeline times each attempt
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var webhooks = sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, ct) => HttpWebhookTransport.ConnectAsync(context, webhooks.CurrentValue.AllowPrivateTargets, ct),
                };
            });
    }

    public async Task<WorkflowHttpResponse> SendAsync(WorkflowHttpRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries), // Polly needs at least one; ShouldHandle is false with none
                Delay = TimeSpan.FromMilliseconds(Math.Max(0, o.RetryDelayMilliseconds)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = o.RetryDelayMilliseconds > 0,
                ShouldHandle = args => ValueTask.FromResult(o.MaxRetries > 0 && (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                    || args.Outcome.Result is { } r && ((int)r.StatusCode >= 500 || (int)r.StatusCode is 408 or 429))),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(request.Timeout)
            .Build();
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var message = Build(request);
                return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            }, ct);
            var (body, truncated) = await ReadCappedAsync(response, ct);
            return new WorkflowHttpResponse((int)response.StatusCode, body, truncated, response.Content.Headers.ContentType?.MediaType, null, attempts);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            var error = e is TimeoutRejectedException ? $"Timed out after {request.Timeout.TotalSeconds:0} s." : e.InnerException?.Message ?? e.Message;
            return new WorkflowHttpResponse(null, null, false, null, error.Length > 500 ? error[..500] : error, attempts);
        }
    }

    private static HttpRequestMessage Build(WorkflowHttpRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        string? contentType = null;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        if (!message.Headers.Contains("Idempotency-Key")) message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType ?? request.ContentType, out var parsed)
                ? parsed : new MediaTypeHeaderValue(request.ContentType);
            if (parsed is not null && parsed.CharSet is null && contentType is null) parsed.CharSet = "utf-8";
        }
        return message;
    }

    private static async Task<(string? Body, bool Truncated)> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[WorkflowHttpResponse.MaxBodyChars + 1];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read == 0) return (null, false);
        var truncated = read > WorkflowHttpResponse.MaxBodyChars;
        return (new string(buffer, 0, Math.Min(read, WorkflowHttpResponse.MaxBodyChars)), truncated);
    }
}
