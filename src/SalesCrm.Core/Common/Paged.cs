namespace SalesCrm.Core.Common;

/// <summary>
/// The list envelope every collection endpoint returns. <paramref name="TotalExact"/> is false when
/// <paramref name="Total"/> is only a lower bound (a capped or skipped count, see <see cref="Filtering.CountMode"/>).
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, bool TotalExact = true);

public static class Paged
{
    /// <summary>A short list answered whole (roles, pipelines, templates…) in the same envelope as paged lists.</summary>
    public static Paged<T> All<T>(IReadOnlyList<T> items) => new(items, items.Count, items.Count, 0);
}

public sealed record PageRequest(int Limit = 50, int Offset = 0)
{
    public const int MaxLimit = 500;

    public PageRequest Normalize()
    {
        var errors = new Validator()
            .When(Limit < 1 || Limit > MaxLimit, "limit", $"must be between 1 and {MaxLimit}.")
            .When(Offset < 0, "offset", "must be zero or more.");
        errors.ThrowIfInvalid();
        return this;
    }
}
