using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// <c>storage</c> in <c>/health/ready</c>: whether an upload would be saved now (the bucket exists and answers, the
/// uploads folder is writable; the database store is covered by <c>database</c>). Local storage on an app configured for
/// several instances (<c>Scale:Redis</c> set) is <c>degraded</c>: a file saved through one instance is missing on the
/// others (ADR 048).
/// </summary>
public sealed class StorageHealthCheck(IFileStorage storage, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (storage is not IStorageProbe probe) return HealthCheckResult.Healthy("Files are stored in the database.");
        var result = await probe.ProbeAsync(ct);
        if (result.Status == HealthStatus.Healthy && storage is LocalFileStorage && FileStorageSetup.ConfiguredForSeveralInstances(configuration))
            return HealthCheckResult.Degraded(FileStorageSetup.LocalOnSeveralInstances);
        return result;
    }
}
