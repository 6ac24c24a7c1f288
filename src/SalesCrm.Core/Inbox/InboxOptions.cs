namespace SalesCrm.Core.Inbox;

/// <summary>The <c>Inbox</c> section: how stored webhooks are processed.</summary>
public sealed class InboxOptions
{
    /// <summary>The intake rate above which processing gives way to receiving (0: never).</summary>
    public double BurstRequestsPerSecond { get; set; } = 100;

    /// <summary>Seconds to wait before each retry of an item whose processing failed; unset means <see cref="DefaultRetryDelays"/>.</summary>
    /// <remarks>No initializer on purpose: configuration binding appends to an existing array instead of replacing it.</remarks>
    public int[]? RetryDelaysSeconds { get; set; }

    /// <summary>2 s, 10 s, 1 min, 5 min, 30 min: six attempts over about 37 minutes, then the item is failed and shown to admins.</summary>
    public static readonly int[] DefaultRetryDelays = [2, 10, 60, 300, 1800];

    public int[] RetryDelays => RetryDelaysSeconds is { Length: > 0 } configured ? configured : DefaultRetryDelays;
}
