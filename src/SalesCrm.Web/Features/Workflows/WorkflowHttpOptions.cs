namespace SalesCrm.Web.Features.Workflows;

/// <summary><c>Workflows:Http</c>: the retries of an <c>http_request</c> node within one step (the engine's own step retries come on top).</summary>
public sealed class WorkflowHttpOptions
{
    public const string Section = "Workflows:Http";

    /// <summary>Retries after the first attempt on a network error, time-out, 5xx, 408 or 429.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones double (with jitter).</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;
}
