using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Integrations;

/// <summary>The tenant's inbound connections. Tokens are encrypted; secrets are shown once and only hashes are kept.</summary>
public sealed class IntegrationService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ISecretProtector protector, InboxSignal inbox, TimeProvider time)
{
    public const string ZapierPrefix = "whk_";

    public async Task<IntegrationStatus> StatusAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Integrations.AsNoTracking().ToListAsync(ct);
        var pages = all.Where(i => i.Kind == IntegrationKind.MetaPage).OrderBy(i => i.ExternalId)
            .Select(i => new MetaPageStatus(i.ExternalId, i.Display ?? "", i.CreatedAt)).ToList();
        var wa = all.FirstOrDefault(i => i.Kind == IntegrationKind.WhatsApp);
        var zapier = all.FirstOrDefault(i => i.Kind == IntegrationKind.Zapier);
        return new IntegrationStatus(pages,
            wa is null ? null : new WhatsAppStatus(wa.ExternalId, wa.Display?.Split('|')[0], wa.Display?.Split('|').ElementAtOrDefault(1) ?? "", wa.CreatedAt),
            new ZapierStatus(zapier is not null, zapier?.Display, zapier?.UpdatedAt));
    }

    /// <summary>Replaces the tenant's connected Facebook pages. A page already connected to another tenant is a conflict.</summary>
    public Task<IntegrationStatus> SetMetaPagesAsync(IReadOnlyList<MetaPageInput>? pages, CancellationToken ct = default) => SaveMetaPagesAsync(pages, ct, requireTokens: true);

    /// <summary>Saves the full page list; a page without a token keeps the one stored (only when <paramref name="requireTokens"/> is off).</summary>
    private async Task<IntegrationStatus> SaveMetaPagesAsync(IReadOnlyList<MetaPageInput>? pages, CancellationToken ct, bool requireTokens = false)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        var v = new Validator().When(pages is null, "pages", "is required (an empty list disconnects every page).");
        for (var i = 0; i < (pages?.Count ?? 0); i++)
        {
            v.When(string.IsNullOrWhiteSpace(pages![i].PageId) || !pages[i].PageId!.All(char.IsAsciiDigit), $"pages[{i}].page_id", "must be a numeric Facebook page id.");
            v.When((requireTokens || pages[i].AccessToken is not null) && string.IsNullOrWhiteSpace(pages[i].AccessToken), $"pages[{i}].access_token", "is required.");
        }
        v.When(pages is not null && pages.Select(p => p.PageId).Distinct().Count() != pages.Count, "pages", "lists a page twice.");
        v.ThrowIfInvalid();
        ArgumentNullException.ThrowIfNull(pages);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = pages.Select(p => p.PageId!).ToList();
        var taken = await db.Integrations.IgnoreQueryFilters().Where(i => i.Kind == IntegrationKind.MetaPage && ids.Contains(i.ExternalId) && i.TenantId != tenantId).Select(i => i.ExternalId).ToListAsync(ct);
        if (taken.Count > 0) throw new ConflictException($"Page(s) {string.Join(", ", taken)} are connected to another workspace.");
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Integrations.Where(i => i.Kind == IntegrationKind.MetaPage).ToListAsync(ct);
        db.Integrations.RemoveRange(existing.Where(e => !ids.Contains(e.ExternalId)));
        foreach (var page in pages)
        {
            var row = existing.FirstOrDefault(e => e.ExternalId == page.PageId);
            if (row is null) db.Integrations.Add(row = new Integration { TenantId = tenantId, Kind = IntegrationKind.MetaPage, ExternalId = page.PageId!, CreatedAt = now });
            if (page.AccessToken is null && row.SecretProtected is not null) continue;
            row.SecretProtected = protector.Protect(page.AccessToken ?? "");
            row.Display = Hint(page.AccessToken ?? "");
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await RequeueUnroutedAsync(db, IntegrationKind.MetaPage, ids.Where(id => existing.All(e => e.ExternalId != id)), now, ct);
        return await StatusAsync(ct);
    }

    /// <summary>Connects one more page (or replaces its token), keeping the others.</summary>
    public async Task<IntegrationStatus> AddMetaPageAsync(string? pageId, string? accessToken, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        new Validator().Require("access_token", accessToken, 2000).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var others = await db.Integrations.AsNoTracking().Where(i => i.Kind == IntegrationKind.MetaPage && i.ExternalId != pageId).ToListAsync(ct);
        return await SaveMetaPagesAsync([.. others.Select(o => new MetaPageInput(o.ExternalId, null)), new MetaPageInput(pageId, accessToken)], ct);
    }

    public async Task<IntegrationStatus> RemoveMetaPageAsync(string pageId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Integrations.FirstOrDefaultAsync(i => i.Kind == IntegrationKind.MetaPage && i.ExternalId == pageId, ct) ?? throw new NotFoundException("Page", pageId);
        db.Integrations.Remove(row);
        await db.SaveChangesAsync(ct);
        return await StatusAsync(ct);
    }

    public async Task<IntegrationStatus> SetWhatsAppAsync(string? phoneNumberId, string? accessToken, string? displayPhoneNumber, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        new Validator()
            .When(string.IsNullOrWhiteSpace(phoneNumberId) || !phoneNumberId.All(char.IsAsciiDigit), "phone_number_id", "must be the numeric WhatsApp phone number id.")
            .Require("access_token", accessToken, 1000)
            .When(displayPhoneNumber is { Length: > 30 }, "display_phone_number", "must be at most 30 characters.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Integrations.IgnoreQueryFilters().AnyAsync(i => i.Kind == IntegrationKind.WhatsApp && i.ExternalId == phoneNumberId && i.TenantId != tenantId, ct))
            throw new ConflictException("This WhatsApp number is connected to another workspace.");
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Integrations.FirstOrDefaultAsync(i => i.Kind == IntegrationKind.WhatsApp, ct);
        if (row is null) db.Integrations.Add(row = new Integration { TenantId = tenantId, Kind = IntegrationKind.WhatsApp, ExternalId = phoneNumberId!, CreatedAt = now });
        row.ExternalId = phoneNumberId!;
        row.SecretProtected = protector.Protect(accessToken!);
        row.Display = $"{displayPhoneNumber}|{Hint(accessToken!)}";
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await RequeueUnroutedAsync(db, IntegrationKind.WhatsApp, [phoneNumberId!], now, ct);
        return await StatusAsync(ct);
    }

    /// <summary>Webhooks that arrived for a page or number before it was connected are processed now (see <see cref="InboxProcessor.RequeueUnroutedAsync"/>).</summary>
    private async Task RequeueUnroutedAsync(CrmDbContext db, IntegrationKind kind, IEnumerable<string> externalIds, DateTime now, CancellationToken ct)
    {
        if (await InboxProcessor.RequeueUnroutedAsync(db, kind, externalIds, now, ct) > 0) inbox.Notify();
    }

    /// <summary>Creates or replaces the Zapier secret; the old one stops working at once. Returned only here.</summary>
    public async Task<string> RotateZapierSecretAsync(CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        var secret = ZapierPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Integrations.FirstOrDefaultAsync(i => i.Kind == IntegrationKind.Zapier, ct);
        if (row is null) db.Integrations.Add(row = new Integration { TenantId = tenantId, Kind = IntegrationKind.Zapier, ExternalId = "", CreatedAt = now });
        row.ExternalId = HashSecret(secret);
        row.Display = Hint(secret);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>System lookup for inbound routing: the tenant (and decrypted token) behind an external id.</summary>
    public static async Task<(Guid TenantId, string? Token)?> RouteAsync(CrmDbContext db, ISecretProtector protector, IntegrationKind kind, string externalId, CancellationToken ct)
    {
        var row = await db.Integrations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Kind == kind && i.ExternalId == externalId, ct);
        return row is null ? null : (row.TenantId, row.SecretProtected is null ? null : protector.Unprotect(row.SecretProtected));
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Hint(string secret) => secret.Length <= 4 ? "****" : "****" + secret[^4..];
}
