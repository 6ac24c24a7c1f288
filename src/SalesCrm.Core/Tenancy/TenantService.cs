using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Tenancy;

public sealed record TenantDto(Guid Id, string Name, string Slug, string Plan);

public sealed record WorkspaceDto(Guid Id, string Name, string Slug, string Plan, TenantSettings Settings);

public sealed record WorkspacePatch(string? Name = null, string? DefaultRegion = null, string? DefaultCurrency = null, string? Culture = null,
    string? TimeZone = null, bool? RoundRobinAssignment = null);

public sealed record MembershipSummary(Guid TenantId, string TenantName, string TenantSlug, Guid RoleId, string RoleName);

/// <summary>Creates workspaces with their system roles and answers which tenants a user belongs to.</summary>
public sealed partial class TenantService(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider time, WorkspaceTimeZones? zones = null)
{
    /// <summary>Creates a tenant, seeds the system roles, the default pipeline and the copilot's static suggestions, and makes <paramref name="ownerId"/> its owner.</summary>
    public async Task<Tenant> CreateAsync(CrmDbContext db, string name, Guid ownerId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tenant = new Tenant { Name = name.Trim(), Slug = await UniqueSlugAsync(db, name, ct), CreatedAt = now, Settings = new TenantSettings { CopilotDefaultsAdded = true } };
        db.Tenants.Add(tenant);
        Role? owner = null;
        foreach (var (key, caps) in SystemRoles.Seed)
        {
            var role = new Role
            {
                TenantId = tenant.Id, Name = key, Key = key, Capabilities = caps.ToList(), CreatedAt = now,
                Visibility = key == SystemRoles.SalesRep ? VisibilityScope.Own : VisibilityScope.All,
            };
            owner ??= role;
            db.Roles.Add(role);
        }
        db.Memberships.Add(new Membership { TenantId = tenant.Id, UserId = ownerId, RoleId = owner!.Id, CreatedAt = now });
        db.Pipelines.Add(Pipelines.PipelineService.NewDefault(tenant.Id, now));
        db.StaticSuggestions.AddRange(Copilot.StaticSuggestionDefaults.For(tenant.Id, now));
        return tenant;
    }

    public async Task<IReadOnlyList<MembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Tenant!.Name)
            .Select(m => new MembershipSummary(m.TenantId, m.Tenant!.Name, m.Tenant.Slug, m.RoleId, m.Role!.Name))
            .ToListAsync(ct);
    }

    public async Task<TenantDto?> FindAsync(Guid tenantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new TenantDto(t.Id, t.Name, t.Slug, t.Plan)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The current workspace with its settings.</summary>
    public async Task<WorkspaceDto> GetWorkspaceAsync(AccessService access, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Tenants.AsNoTracking().FirstAsync(x => x.Id == tenantId, ct);
        return new WorkspaceDto(t.Id, t.Name, t.Slug, t.Plan, t.Settings);
    }

    /// <summary>Renames the workspace or changes its defaults (phone region, currency, culture, time zone, round-robin).</summary>
    public async Task<WorkspaceDto> UpdateWorkspaceAsync(AccessService access, WorkspacePatch patch, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        var v = new Validator();
        if (patch.Name is not null) v.Require("name", patch.Name, 120);
        v.When(patch.DefaultRegion is not null && !PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(patch.DefaultRegion.ToUpperInvariant()),
            "default_region", "must be an ISO 3166 region code such as BR, AR or US.");
        v.When(patch.DefaultCurrency is not null && (patch.DefaultCurrency.Length != 3 || !patch.DefaultCurrency.All(char.IsAsciiLetter)), "default_currency", "must be a 3-letter ISO code.");
        v.When(patch.Culture is not null && patch.Culture is not ("pt-BR" or "en"), "culture", "must be pt-BR or en.");
        v.When(patch.TimeZone is not null && !IsTimeZone(patch.TimeZone), "time_zone", "is not a known time zone.");
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Tenants.FirstAsync(x => x.Id == tenantId, ct);
        var settings = new TenantSettings
        {
            DefaultRegion = patch.DefaultRegion?.ToUpperInvariant() ?? t.Settings.DefaultRegion,
            DefaultCurrency = patch.DefaultCurrency?.ToUpperInvariant() ?? t.Settings.DefaultCurrency,
            Culture = patch.Culture ?? t.Settings.Culture,
            TimeZone = patch.TimeZone ?? t.Settings.TimeZone,
            RoundRobinAssignment = patch.RoundRobinAssignment ?? t.Settings.RoundRobinAssignment,
            CopilotDefaultsAdded = t.Settings.CopilotDefaultsAdded,
        };
        t.Settings = settings;
        if (patch.Name is not null) t.Name = patch.Name.Trim();
        await db.SaveChangesAsync(ct);
        zones?.Forget(tenantId);
        return new WorkspaceDto(t.Id, t.Name, t.Slug, t.Plan, t.Settings);
    }

    private static bool IsTimeZone(string id) => WorkspaceTimeZones.Find(id) is not null;

    internal static string Slugify(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder();
        foreach (var c in normalized)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) ascii.Append(c);
        }
        var slug = NonSlug().Replace(ascii.ToString().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug.Length == 0 ? "workspace" : slug;
    }

    private static async Task<string> UniqueSlugAsync(CrmDbContext db, string name, CancellationToken ct)
    {
        var baseSlug = Slugify(name);
        var slug = baseSlug;
        for (var i = 2; await db.Tenants.AnyAsync(t => t.Slug == slug, ct); i++) slug = $"{baseSlug}-{i}";
        return slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
