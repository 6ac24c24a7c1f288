using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>429 RATE_LIMIT_EXCEEDED: the caller used up a budget; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter, string message) : DomainException(ErrorCodes.RateLimited, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
