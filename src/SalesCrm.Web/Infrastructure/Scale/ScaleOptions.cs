namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary><c>Scale</c>: Redis for several instances (ADR 046). Without <see cref="Redis"/> everything stays in the process.</summary>
public sealed class ScaleOptions
{
    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=…</c>); unset = one instance, nothing shared.</summary>
    public string? Redis { get; set; }

    /// <summary>Put before every channel and key this app uses, so several apps (or tests) can share one Redis.</summary>
    public string RedisPrefix { get; set; } = "salescrm:";
}
