namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>An outbound call of an <c>http_request</c> node, already rendered.</summary>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Url">An absolute http(s) URL.</param>
/// <param name="Headers">Request headers (a <c>Content-Type</c> here applies to the body).</param>
/// <param name="Body">The body text, or null for none.</param>
/// <param name="ContentType">The body's media type when no header sets it.</param>
/// <param name="Timeout">Per attempt.</param>
/// <param name="IdempotencyKey">Sent as <c>Idempotency-Key</c> so a receiver can recognise a retried call.</param>
public sealed record WorkflowHttpRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body, string ContentType, TimeSpan Timeout, string IdempotencyKey);
