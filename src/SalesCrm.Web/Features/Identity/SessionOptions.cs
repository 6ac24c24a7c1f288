namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// How often a browser session is checked against the user's security stamp (<c>Auth:SessionCheckSeconds</c>, default
/// 60 s; 0 checks on every request). A changed password ends the user's other sessions within this time.
/// </summary>
public sealed class SessionOptions
{
    public int SessionCheckSeconds { get; set; } = 60;

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(Math.Max(0, SessionCheckSeconds));
}
