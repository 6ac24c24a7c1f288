namespace SalesCrm.Core.Claims;

/// <summary>
/// <c>Scale:Claims</c>: who this instance is when it claims work rows (outbound deliveries, inbox items), and how long
/// a claim holds before another instance may take the row over (a crashed instance's work is picked up after that).
/// </summary>
public sealed class ClaimOptions
{
    /// <summary>The name written into <c>ClaimedBy</c>; default machine name and process id.</summary>
    public string Instance { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a claim lasts without renewal; a worker renews it every third of this while it still works.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
}
