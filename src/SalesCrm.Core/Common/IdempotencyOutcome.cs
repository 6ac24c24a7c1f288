namespace SalesCrm.Core.Common;

/// <summary>What <see cref="IdempotencyStore.BeginAsync"/> decided: run the request now, or replay the stored answer.</summary>
/// <param name="Replay">The first request's answer when it already completed; null when this request is the first and must run.</param>
public sealed record IdempotencyOutcome(IdempotentRequest? Replay)
{
    public static readonly IdempotencyOutcome Run = new((IdempotentRequest?)null);
}
