using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.Triggers;
using SalesCrm.Web.Features.Inbox;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The <c>webhook</c> trigger's door, <c>POST /api/hooks/workflows/{id}</c> (no sign-in: the workflow's secret in
/// <c>X-Workflow-Secret</c>; the inbound hooks' short-circuit and rate limit), and its secret for
/// <c>workflows.manage</c>: <c>GET/POST /api/v1/workflows/{id}/webhook-secret</c>.
/// </summary>
public static class WorkflowHookEndpoints
{
    /// <summary>The largest JSON body accepted as a run's input.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/hooks/workflows").WithTags("Inbound webhooks").AllowAnonymous()
            .MapPost("/{id:guid}", ReceiveAsync).AsWebhookReceiver();
        var secrets = app.MapGroup("/api/v1/workflows").WithTags("Workflows").RequireAuthorization(Capabilities.WorkflowsManage);
        secrets.MapGet("/{id:guid}/webhook-secret", async Task<Ok<WorkflowWebhookSecretDto>> (Guid id, WorkflowWebhookService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetSecretAsync(id, ct)));
        secrets.MapPost("/{id:guid}/webhook-secret", async Task<Ok<WorkflowWebhookSecretDto>> (Guid id, WorkflowWebhookService service, CancellationToken ct) =>
            TypedResults.Ok(await service.RotateSecretAsync(id, ct))).WithSummary("Replaces the workflow's webhook secret; the old one stops working at once");
    }

    /// <summary>202 with the queue item; 401 wrong or missing secret; 409 not active; 413 too large; 415 not JSON; 400 unreadable JSON.</summary>
    private static async Task<IResult> ReceiveAsync(Guid id, HttpRequest request, WorkflowWebhookService service, CancellationToken ct)
    {
        var secret = request.Headers[WorkflowWebhookService.SecretHeader].ToString();
        if (string.IsNullOrEmpty(secret)) throw new UnauthorizedException($"Missing {WorkflowWebhookService.SecretHeader}.");
        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var (bytes, tooLarge) = await InboundRequest.ReadBodyAsync(request, ct);
        if (tooLarge || bytes!.Length > MaxBodyBytes) return TooLarge();
        JsonNode? body = null;
        if (bytes.Length > 0)
        {
            if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
                return Results.Problem(statusCode: 415, title: $"Unsupported Content-Type '{type}'.", detail: "Send UTF-8 application/json.");
            try
            {
                body = JsonNode.Parse(Encoding.UTF8.GetString(bytes), documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            }
            catch (JsonException e)
            {
                throw new ValidationException("body", $"is not JSON: {e.Message}");
            }
        }
        var queued = await service.ReceiveAsync(id, secret, body, ct);
        return TypedResults.Accepted((string?)null, new WorkflowHookAccepted("queued", queued));
    }

    private static IResult TooLarge() => Results.Problem(statusCode: 413, title: $"The body is larger than {MaxBodyBytes / 1024} KiB.");
}
