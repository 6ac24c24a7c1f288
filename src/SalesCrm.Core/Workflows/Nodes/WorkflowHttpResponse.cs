namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>What came back from an <c>http_request</c> call after its retries.</summary>
/// <param name="Status">The last HTTP status; null when no answer came (network error, refused address, time-out).</param>
/// <param name="Body">The response body, at most <see cref="MaxBodyChars"/> characters.</param>
/// <param name="BodyTruncated">True when the body was longer and was cut.</param>
/// <param name="ContentType">The response's media type.</param>
/// <param name="Error">Why no answer came.</param>
/// <param name="Attempts">How many times the call was made.</param>
public sealed record WorkflowHttpResponse(int? Status, string? Body, bool BodyTruncated, string? ContentType, string? Error, int Attempts)
{
    /// <summary>The most of a response body kept in the step's output.</summary>
    public const int MaxBodyChars = 16 * 1024;
}
