using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// The key that signs and checks access tokens: <c>Auth:Jwt:SigningKey</c> when configured; otherwise generated once
/// and kept in <c>installation_secrets</c>, protected by Data Protection, so every app instance on the database signs
/// and accepts the same tokens (ADR 043). Loaded at start-up (<see cref="LoadAsync"/>) before the first request.
/// </summary>
public sealed class JwtSigningKey
{
    public const string SecretName = "jwt-signing-key";

    /// <summary>Where versions before ADR 043 kept the generated key; imported once so their tokens stay valid.</summary>
    public const string LegacyFile = "jwt-signing.key";

    private const string Purpose = "SalesCrm.InstallationSecrets.v1";

    private SymmetricSecurityKey? _key;

    public JwtSigningKey(JwtOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey)) _key = JwtOptions.KeyFrom(options.SigningKey);
    }

    /// <summary>The key; throws <see cref="InvalidOperationException"/> when it was neither configured nor loaded yet.</summary>
    public SymmetricSecurityKey Current => _key ?? throw new InvalidOperationException("The JWT signing key is loaded at start-up and was not.");

    /// <summary>
    /// Reads the stored key, or stores one: the legacy <c>data/jwt-signing.key</c> when present, else 64 random bytes.
    /// Run under the <see cref="StartupLock"/>; should another process insert first anyway, its key is taken.
    /// </summary>
    public async Task LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (_key is not null) return;
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var stored = await db.InstallationSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.ProtectedValue).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            var legacy = services.GetRequiredService<DataPaths>().File(LegacyFile);
            var material = File.Exists(legacy) ? (await File.ReadAllTextAsync(legacy, ct)).Trim() : Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            JwtOptions.KeyFrom(material);
            stored = protector.Protect(material);
            db.InstallationSecrets.Add(new InstallationSecret
            {
                Name = SecretName, ProtectedValue = stored, CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                stored = await db.InstallationSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.ProtectedValue).FirstAsync(ct);
            }
        }
        _key = JwtOptions.KeyFrom(protector.Unprotect(stored));
    }
}
