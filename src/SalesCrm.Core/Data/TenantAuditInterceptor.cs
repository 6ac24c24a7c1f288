using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Data;

/// <summary>
/// Before every save: puts text in NFC (<see cref="UnicodeText"/>), refuses text its column cannot hold (<see cref="ColumnLimits"/>), stamps the current tenant on
/// new tenant-owned rows, refuses writes to another tenant's rows, and adds an <see cref="AuditLog"/> row per audited change in the same transaction.
/// Stateless: the actor and clock come from the <see cref="CrmDbContext"/> being saved, so one instance serves every
/// context and the options need not be rebuilt per context.
/// </summary>
internal sealed class TenantAuditInterceptor : SaveChangesInterceptor
{
    public static readonly TenantAuditInterceptor Instance = new();

    private TenantAuditInterceptor() { }

    /// <summary>
    /// Columns whose values the audit log shows as <c>***</c>: secrets, their hashes and their encrypted forms (an
    /// encrypted secret is still a secret: the ciphertext of a webhook's signing key was shown in full before).
    /// </summary>
    private static bool IsMasked(string property) =>
        property is "SecurityStamp" or "ConcurrencyStamp" || property.EndsWith("Hash", StringComparison.Ordinal) || property.EndsWith("Protected", StringComparison.Ordinal)
        || property.Contains("Secret", StringComparison.OrdinalIgnoreCase) || property.Contains("Password", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies derived from other properties (the lead's folded search text): their sources are audited, not they.</summary>
    private static readonly HashSet<string> Derived = [nameof(Leads.Lead.SearchText)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CrmDbContext db) Stamp(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CrmDbContext db) Stamp(db);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(CrmDbContext db)
    {
        var user = db.CurrentUser;
        var now = db.Time.GetUtcNow().UtcDateTime;
        var audits = new List<AuditLog>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State != EntityState.Deleted) UnicodeText.Normalize(entry, verbatim: entry.Entity is Inbox.InboxItem);
            ColumnLimits.Check(entry);
            if (entry.Entity is ITenantOwned owned) GuardTenant(user, entry, owned);
            if (entry.Entity is IAudited audited && entry.Entity is not AuditLog) audits.Add(Describe(user, entry, audited, now));
        }
        if (audits.Count > 0) db.Set<AuditLog>().AddRange(audits);
    }

    private static void GuardTenant(ICurrentUser user, EntityEntry entry, ITenantOwned owned)
    {
        if (entry.State == EntityState.Added && owned.TenantId == Guid.Empty)
        {
            owned.TenantId = user.TenantId ?? throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} needs a tenant.");
        }
        // System work (no tenant in context) may write any tenant's rows; a tenant's request only its own.
        if (user.TenantId is { } current && owned.TenantId != current)
        {
            throw new ForbiddenException("Cross-tenant write refused.");
        }
    }

    private static AuditLog Describe(ICurrentUser user, EntityEntry entry, IAudited audited, DateTime now)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditActions.Create,
            EntityState.Deleted => AuditActions.Delete,
            _ => AuditActions.Update,
        };
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.Name == nameof(ITenantOwned.TenantId) || Derived.Contains(property.Metadata.Name)) continue;
            var include = entry.State switch
            {
                EntityState.Modified => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                _ => true,
            };
            if (!include) continue;
            var masked = IsMasked(property.Metadata.Name);
            object? Show(object? v) => masked && v is not null ? "***" : Plain(v);
            changes[property.Metadata.Name] = entry.State switch
            {
                EntityState.Added => new { @new = Show(property.CurrentValue) },
                EntityState.Deleted => new { old = Show(property.OriginalValue) },
                _ => new { old = Show(property.OriginalValue), @new = Show(property.CurrentValue) },
            };
        }
        var tenantId = entry.Entity is ITenantOwned owned ? owned.TenantId : audited.Id;
        return new AuditLog
        {
            TenantId = tenantId,
            OccurredAt = now,
            ActorType = user.ActorType(),
            ActorId = user.ApiKeyId ?? user.UserId,
            ActorName = user.DisplayName,
            Entity = entry.Metadata.ClrType.Name,
            EntityId = audited.Id,
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
            CorrelationId = user.CorrelationId,
        };
    }

    /// <summary>JSON-ready values; dates without a time as ISO <c>yyyy-MM-dd</c> and other formattable values in the invariant culture, never the request's.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string or bool or int or long or decimal or double or Guid or DateTime => value,
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(v => v?.ToString()).ToList(),
        _ => value.ToString(),
    };
}
