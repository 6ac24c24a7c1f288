namespace SalesCrm.Core.Claims;

/// <summary>
/// <c>Scale:Claims</c>: who this instance is when it claims work rows (outbound deliveries, inbox items), and how long
/// a claim holds before another instance may take the row over (a crashed instance's work is picked up after that).
/// </summary>
public sealed class ClaimOptions
{
    private string _instance = Default;

    /// <summary>Machine name and process id: unique per running instance.</summary>
    public static string Default => $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// The name written into <c>ClaimedBy</c>; default (also when set blank) machine name and process id. Two running
    /// instances must never share a name: each would take the other's claims for its own.
    /// </summary>
    public string Instance
    {
        get => _instance;
        set => _instance = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
    }

    /// <summary>How long a claim lasts without renewal; a worker renews it every third of this while it still works.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
}
