using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>A file store that can tell whether a save would work now (<c>storage</c> in <c>/health/ready</c>).</summary>
public interface IStorageProbe
{
    /// <summary>Healthy when the store is reachable and writable; unhealthy with the reason when uploads would fail. Never throws.</summary>
    Task<HealthCheckResult> ProbeAsync(CancellationToken ct);
}
