using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesCrm.Core.Interactions;
using SalesCrm.Web.Infrastructure.Storage;

namespace SalesCrm.Web.Infrastructure;

/// <summary>The embedded default storage: files under <c>data/uploads</c>, keys confined to that folder.</summary>
public sealed class LocalFileStorage(DataPaths paths) : IFileStorage, IStorageProbe
{
    private readonly string _root = paths.Folder("uploads");

    public async Task SaveAsync(string key, Stream content, CancellationToken ct = default)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct = default) =>
        Task.FromResult<Stream>(new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Healthy when a file can be written and removed under the uploads folder.</summary>
    public async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var probe = Path.Combine(_root, $".probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(_root);
            await File.WriteAllBytesAsync(probe, [1], ct);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"Uploads folder {_root} is writable.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"Uploads folder {_root} is not writable: uploads fail.", e);
        }
    }

    private string PathFor(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new ArgumentException("Invalid storage key.", nameof(key));
        return full;
    }
}
