using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Leads;

/// <summary>
/// Makes "find the lead with this phone or e-mail, else insert it" atomic per workspace and contact, so parallel captures of
/// one contact (API, webhooks, chats) end in one lead. SQLite: the capture runs in a transaction begun with
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which takes the database's write lock before the lookup.
/// PostgreSQL: transaction-scoped advisory locks (<c>pg_advisory_xact_lock</c>), a shared one on the workspace and an
/// exclusive one per normalized phone and e-mail, taken in ascending key order so two captures cannot deadlock; a bulk
/// writer (the CSV import) takes the workspace lock exclusively once instead of a lock per row.
/// </summary>
internal static class LeadCaptureLock
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Begins the capture's transaction and takes its locks; null when the caller already runs one, which it must have
    /// opened with <see cref="LockWorkspaceAsync"/> (the import). Commit the returned transaction after the save.
    /// </summary>
    public static async Task<IDbContextTransaction?> EnterAsync(CrmDbContext db, Guid tenantId, string? email, string? phone, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return null;
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName != Npgsql) return transaction;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({Key($"lead-capture|{tenantId}")})", ct);
        var contacts = new[] { phone is null ? null : $"phone|{phone}", email is null ? null : $"email|{email}" }
            .OfType<string>().Select(c => Key($"lead-capture|{tenantId}|{c}")).Order();
        foreach (var key in contacts) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        return transaction;
    }

    /// <summary>
    /// For a caller that captures many leads in its own open transaction: excludes every other capture of the workspace
    /// until that transaction ends (PostgreSQL; on SQLite the transaction's write lock already does).
    /// </summary>
    public static async Task LockWorkspaceAsync(CrmDbContext db, Guid tenantId, CancellationToken ct)
    {
        if (db.Database.ProviderName == Npgsql)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key($"lead-capture|{tenantId}")})", ct);
    }

    /// <summary>A stable 64-bit key for a lock name (the first 8 bytes of its SHA-256), the same in every process.</summary>
    private static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
