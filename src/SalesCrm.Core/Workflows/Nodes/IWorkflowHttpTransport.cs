namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// Sends an <c>http_request</c> node's call. The web host implements it with the outbound-webhook client's SSRF-safe
/// connector (private and loopback addresses refused at connect time unless <c>Webhooks:AllowPrivateTargets</c>) and
/// Polly retries on network errors, timeouts and 5xx/408/429 answers.
/// </summary>
public interface IWorkflowHttpTransport
{
    Task<WorkflowHttpResponse> SendAsync(WorkflowHttpRequest request, CancellationToken ct);
}
