namespace SalesCrm.Core.Common;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c> header, kept for <see cref="IdempotencyStore.Retention"/> so a retry
/// of the same request gets the first answer again. Keyed per workspace and caller (user or API key): the same key in
/// another workspace, or from another caller, is another request.
/// </summary>
public sealed class IdempotentRequest : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>The user or API key that sent the request.</summary>
    public Guid CallerId { get; set; }
    /// <summary>The client's key, 1–200 printable ASCII characters.</summary>
    public required string Key { get; set; }
    /// <summary>SHA-256 (hex) of method, path and query, content type and body bytes: what "the same request" means.</summary>
    public required string Fingerprint { get; set; }
    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; set; }
    /// <summary>The answer's headers worth replaying (Content-Type, Location, X-*), as a JSON object.</summary>
    public string? ResponseHeaders { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
