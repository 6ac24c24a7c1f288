using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Storage;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// <c>Storage:Provider=Database</c>: bytes in <c>stored_files</c>, one row per (tenant, key), read whole (uploads are
/// at most <see cref="AttachmentRules.MaxBytes"/>). Same contract as the local store: a missing key is a
/// <see cref="FileNotFoundException"/>, saving a key that exists an <see cref="IOException"/>.
/// </summary>
public sealed class DatabaseFileStorage(IServiceScopeFactory scopes, TimeProvider time) : IFileStorage
{
    public async Task SaveAsync(string key, Stream content, CancellationToken ct = default)
    {
        var tenant = StorageKeys.TenantOf(key);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await ContextAsync(scope, ct);
        db.StoredFiles.Add(new StoredFile
        {
            TenantId = tenant, Key = key, ContentType = StorageContentTypes.For(key), Length = buffer.Length, Content = buffer.ToArray(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            if (await ExistsAsync(tenant, key, ct)) throw new IOException($"The file '{key}' already exists.", e);
            throw;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var tenant = StorageKeys.TenantOf(key);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await ContextAsync(scope, ct);
        var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.TenantId == tenant && f.Key == key).Select(f => f.Content).FirstOrDefaultAsync(ct)
            ?? throw new FileNotFoundException("No stored file with this key.", key);
        return new MemoryStream(bytes, writable: false);
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var tenant = StorageKeys.TenantOf(key);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await ContextAsync(scope, ct);
        await db.StoredFiles.Where(f => f.TenantId == tenant && f.Key == key).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> ExistsAsync(Guid tenant, string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await ContextAsync(scope, ct);
        return await db.StoredFiles.AnyAsync(f => f.TenantId == tenant && f.Key == key, ct);
    }

    private static Task<CrmDbContext> ContextAsync(AsyncServiceScope scope, CancellationToken ct) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
}
