namespace SalesCrm.Core.Common;

/// <summary>Base for the small set of exceptions the web host maps to problem+json with a stable code.</summary>
public abstract class DomainException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

public sealed class NotFoundException(string entity, object? id = null)
    : DomainException(ErrorCodes.NotFound, id is null ? $"{entity} not found." : $"{entity} '{id}' not found.");

public sealed class ConflictException(string message, string code = ErrorCodes.Conflict) : DomainException(code, message);

public sealed class ForbiddenException(string message = "You do not have permission to do this.", string code = ErrorCodes.Forbidden)
    : DomainException(code, message);

public sealed class UnauthorizedException(string message = "Authentication failed.")
    : DomainException(ErrorCodes.Unauthorized, message);

/// <summary>Invalid input; <see cref="Errors"/> is keyed by the API field name (snake_case).</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors, string message = "One or more fields are invalid.")
    : DomainException(ErrorCodes.Validation, message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationException(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] }) { }
}

public static class ErrorCodes
{
    public const string Validation = "VALIDATION_ERROR";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMIT_EXCEEDED";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    /// <summary>416: a counted page starts past the last row (PostgREST's PGRST103).</summary>
    public const string RangeNotSatisfiable = "RANGE_NOT_SATISFIABLE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string Internal = "INTERNAL_ERROR";
    /// <summary>404: a provider's file (WhatsApp media) has expired there and was never stored here.</summary>
    public const string MediaUnavailable = "MEDIA_UNAVAILABLE";
    /// <summary>502: an outside provider (WhatsApp's Cloud API) failed the request made on the caller's behalf.</summary>
    public const string ProviderError = "PROVIDER_ERROR";
    /// <summary>503: the file store (S3 bucket) is unreachable or missing; nothing was saved.</summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    public const string TenantAccessDenied = "TENANT_ACCESS_DENIED";
    /// <summary>409: the <c>Idempotency-Key</c> was already used for a different request (method, path or body).</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    /// <summary>409: the first request with this <c>Idempotency-Key</c> has not finished yet; retry later.</summary>
    public const string IdempotencyKeyInProgress = "IDEMPOTENCY_KEY_IN_PROGRESS";
    /// <summary>409: the phone or e-mail belongs to a lead the caller may not see (own visibility); nothing of that lead is told or changed.</summary>
    public const string DuplicateLead = "DUPLICATE_LEAD";
    /// <summary>409: embeddings were asked for but <c>Knowledge:Embeddings:Provider</c> is <c>none</c>.</summary>
    public const string EmbeddingsNotConfigured = "EMBEDDINGS_NOT_CONFIGURED";
    /// <summary>400: a workflow with graph problems cannot be published; the body lists them (<c>problems</c>: node_id, code, message).</summary>
    public const string WorkflowInvalid = "WORKFLOW_INVALID";
    /// <summary>409: a run was asked of a workflow that is not active or has no published version.</summary>
    public const string WorkflowNotActive = "WORKFLOW_NOT_ACTIVE";
    /// <summary>409: a finished run (completed, failed, cancelled) cannot be cancelled; only a failed one can be retried.</summary>
    public const string WorkflowRunFinished = "WORKFLOW_RUN_FINISHED";
    /// <summary>409: the workflow's draft was saved by someone else (another tab, another person) since the <c>expected_revision</c> the edit started from.</summary>
    public const string WorkflowChanged = "WORKFLOW_CHANGED";
}
