namespace SalesCrm.Web.Features.Health;

/// <summary>One worker queue in <c>/health/ready</c>: rows waiting and the age of the oldest, in seconds (null when none wait).</summary>
public sealed record BacklogFigure(int Pending, double? OldestPendingAgeSeconds);
