using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Data Protection keys (cookies, antiforgery tokens, stored integration and webhook secrets) in the database, so every
/// app instance reads what another protected and a redeploy keeps them (ADR 043).
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "SalesCrm";

    /// <summary>Where versions before ADR 043 kept the key ring (<c>data/keys/key-*.xml</c>).</summary>
    public const string LegacyFolder = "keys";

    public static IServiceCollection AddCrmDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CrmDbContext>();
        return services;
    }

    /// <summary>
    /// Copies key files an earlier version wrote under <c>data/keys</c> into the database (each once, matched by its
    /// name), so cookies and secrets protected with them still open; then makes sure the ring holds a key. Run under
    /// the <see cref="StartupLock"/> before anything is protected, so instances starting together share one key
    /// instead of each creating its own.
    /// </summary>
    public static async Task PrepareKeyRingAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var folder = Path.Combine(services.GetRequiredService<DataPaths>().Root, LegacyFolder);
        if (Directory.Exists(folder))
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
            var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!known.Contains(name)) db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, ct) });
            }
            await db.SaveChangesAsync(ct);
        }
        // Protecting once makes the key manager create the first key now, inside the lock, if the ring is empty.
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SalesCrm.Startup");
        protector.Unprotect(protector.Protect([1]));
    }
}
