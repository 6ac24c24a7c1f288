namespace SalesCrm.Web.Features.Copilot;

/// <summary>The answer to <c>DELETE /api/v1/copilot/cache</c>.</summary>
public sealed record CacheCleared(int Deleted);
