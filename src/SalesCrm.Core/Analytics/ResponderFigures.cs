namespace SalesCrm.Core.Analytics;

/// <summary>The waits one responder closed among a set (<see cref="DurationFigures.ByResponder"/>) and their seconds in all (unanswered ones add none).</summary>
public sealed record ResponderFigures(Guid ResponderId, int Count, long Seconds);
