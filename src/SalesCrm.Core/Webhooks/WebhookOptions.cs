namespace SalesCrm.Core.Webhooks;

/// <summary><c>Webhooks</c> configuration.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allow loopback and private-range destinations (tests and on-premises only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Delay before each attempt, in seconds; unset means <see cref="DefaultSchedule"/>.</summary>
    /// <remarks>No initializer on purpose: configuration binding appends to an existing array instead of replacing it.</remarks>
    public int[]? RetryScheduleSeconds { get; set; }

    /// <summary>Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about a day in all (Standard Webhooks' advice).</summary>
    public static readonly int[] DefaultSchedule = [0, 5, 300, 1800, 7200, 18000, 36000, 36000];

    public int[] Schedule => RetryScheduleSeconds is { Length: > 0 } configured ? configured : DefaultSchedule;

    public int TimeoutSeconds { get; set; } = 10;
}
