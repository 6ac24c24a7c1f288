using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>http_request</c>: renders method, URL, headers and body with <see cref="TemplateRenderer"/> and calls the URL
/// through <see cref="IWorkflowHttpTransport"/> (the outbound-webhook SSRF rules, Polly retries). 2xx/3xx continue on
/// <c>next</c>; a 4xx takes the <c>failed</c> port (the caller's mistake: retrying would not help); a network error or
/// 5xx left after the retries fails the step as retryable, so the engine backs off and then opens an incident. The
/// output holds <c>status</c>, <c>body</c> (JSON when the answer is JSON, else text; size-capped) and <c>attempts</c>.
/// </summary>
public sealed class HttpRequestExecutor(IWorkflowHttpTransport transport, IOptionsMonitor<WebhookOptions> webhookOptions) : IWorkflowNodeExecutor
{
    public const string FailedPort = "failed";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public string NodeType => "http_request";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var method = (NodeSettings.Template(context, "method") ?? "GET").ToUpperInvariant();
        var url = TemplateRenderer.Render(NodeSettings.Template(context, "url"), context.Scope, 2000).Text.Trim();
        if (await TargetGuard.CheckAsync(url, webhookOptions.CurrentValue.AllowPrivateTargets, ct) is { } refused)
            return WorkflowNodeOutcome.Fail($"The URL '{url}' {refused}", retryable: false, new JsonObject { ["url"] = url });

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (NodeSettings.Raw(context, "headers") is JsonObject headerTemplates)
            foreach (var (name, value) in headerTemplates)
                headers[name] = TemplateRenderer.Render(value is null ? "" : ScopeValues.Text(value), context.Scope, 4000).Text.ReplaceLineEndings(" ");

        string? body = null;
        var contentType = "application/json";
        if (method is not ("GET" or "DELETE") && NodeSettings.Raw(context, "body") is { } bodyTemplate)
        {
            var rendered = TemplateRenderer.RenderValue(bodyTemplate, context.Scope, maxOutputLength: 100_000);
            if (rendered is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                body = ScopeValues.Text(text);
                contentType = "text/plain";
            }
            else body = rendered?.ToJsonString() ?? "null";
        }
        var timeout = NodeSettings.Int(context, "timeout_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var response = await transport.SendAsync(new WorkflowHttpRequest(method, url, headers, body, contentType, timeout, context.IdempotencyKey), ct);

        var output = new JsonObject
        {
            ["url"] = url, ["method"] = method, ["status"] = response.Status, ["attempts"] = response.Attempts,
            ["body"] = BodyNode(response), ["body_truncated"] = response.BodyTruncated,
        };
        if (response.Error is not null) output["error"] = response.Error;
        return response.Status switch
        {
            null => WorkflowNodeOutcome.Fail($"{method} {url} failed after {response.Attempts} attempt(s): {response.Error}", retryable: true, output),
            >= 500 or 408 or 429 => WorkflowNodeOutcome.Fail($"{method} {url} answered {response.Status} after {response.Attempts} attempt(s).", retryable: true, output),
            >= 400 => WorkflowNodeOutcome.Next(FailedPort, output),
            _ => WorkflowNodeOutcome.Next(output: output),
        };
    }

    private static JsonNode? BodyNode(WorkflowHttpResponse response)
    {
        if (string.IsNullOrEmpty(response.Body)) return null;
        if (!response.BodyTruncated && response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { return JsonNode.Parse(response.Body); }
            catch (JsonException) { }
        }
        return response.Body;
    }
}
