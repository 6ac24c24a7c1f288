using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Geo-tagged visit check-ins: created with <c>leads.write</c> on a lead the caller can see (a <c>checkin.created</c>
/// event, which scores), listed with <c>leads.read</c> for the leads the caller can see.
/// </summary>
public sealed class CheckInService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, IFileStorage files, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>The largest photo accepted, in bytes (5 MB).</summary>
    public const int MaxPhotoBytes = 5 * 1024 * 1024;
    /// <summary>A browser reporting a worse accuracy than this (metres) has no real fix; the check-in is refused.</summary>
    public const double MaxAccuracyM = 5000;

    private static readonly Dictionary<string, (string Ext, byte[] Magic)> PhotoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = (".jpg", [0xFF, 0xD8, 0xFF]),
        ["image/png"] = (".png", [0x89, 0x50, 0x4E, 0x47]),
        ["image/webp"] = (".webp", "RIFF"u8.ToArray()),
    };

    /// <summary>
    /// Records a check-in by the caller. A <see cref="ValidationException"/> names each bad field: <c>lead_id</c> (missing,
    /// another workspace's or not visible to the caller), <c>lat</c>, <c>long</c>, <c>accuracy_m</c>, <c>note</c>, <c>photo</c>.
    /// </summary>
    public async Task<CheckInDto> CreateAsync(CheckInInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var userId = access.User.UserId ?? throw new ForbiddenException("Only a signed-in member checks in.");
        var v = new Validator()
            .When(input.LeadId is null, "lead_id", "is required.")
            .When(input.Latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90, "lat", "must be a latitude between -90 and 90.")
            .When(input.Longitude is not { } lng || !double.IsFinite(lng) || lng is < -180 or > 180, "long", "must be a longitude between -180 and 180.")
            .When(input.AccuracyM is not { } acc || !double.IsFinite(acc) || acc <= 0 || acc > MaxAccuracyM, "accuracy_m", $"must be more than 0 and at most {MaxAccuracyM} metres.")
            .When(input.Note is { Length: > 1000 }, "note", "must be at most 1000 characters.");
        string? ext = null;
        if (input.Photo is { } photo)
        {
            if (input.PhotoContentType is null || !PhotoTypes.TryGetValue(input.PhotoContentType, out var type)) v.Add("photo", "must be a JPEG, PNG or WebP image.");
            else if (photo.Length == 0 || photo.Length > MaxPhotoBytes) v.Add("photo", $"must be 1 byte to {MaxPhotoBytes / (1024 * 1024)} MB.");
            else if (!photo.AsSpan().StartsWith(type.Magic)) v.Add("photo", "is not the image its type says.");
            else ext = type.Ext;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Lead? lead = null;
        if (input.LeadId is { } leadId)
        {
            lead = await (await leads.VisibleAsync(db, ct)).AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct);
            v.When(lead is null, "lead_id", "does not name a lead you can see.");
        }
        v.ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var checkIn = new CheckIn
        {
            TenantId = tenantId, LeadId = lead!.Id, UserId = userId, Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value,
            AccuracyM = input.AccuracyM!.Value, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), CreatedAt = now,
        };
        if (ext is not null)
        {
            checkIn.PhotoKey = $"checkins/{tenantId:N}/{checkIn.Id:N}{ext}";
            checkIn.PhotoContentType = input.PhotoContentType!.ToLowerInvariant();
            using var content = new MemoryStream(input.Photo!);
            await files.SaveAsync(checkIn.PhotoKey, content, ct);
        }
        db.CheckIns.Add(checkIn);
        var e = db.Record(EventTypes.CheckInCreated, tenantId, lead.Id,
            new { lead_id = lead.Id, checkin_id = checkIn.Id, user_id = userId, lat = checkIn.Latitude, @long = checkIn.Longitude, accuracy_m = checkIn.AccuracyM }, now);
        await db.SaveChangesAsync(ct);
        bus.Publish([e]);
        return new CheckInDto(checkIn.Id, lead.Id, lead.Name, userId, access.User.DisplayName ?? "", checkIn.Latitude, checkIn.Longitude, checkIn.AccuracyM, checkIn.Note, ext is not null, now);
    }

    /// <summary>
    /// The photo of a check-in on a lead the caller can see (<c>leads.read</c>), with its content type. A check-in without
    /// a photo, on a lead the caller cannot see or of another workspace is a <see cref="NotFoundException"/>.
    /// </summary>
    public async Task<(Stream Content, string ContentType)> PhotoAsync(Guid checkInId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var photo = await db.CheckIns.AsNoTracking().Where(c => c.Id == checkInId && c.PhotoKey != null && visible.Any(l => l.Id == c.LeadId))
            .Select(c => new { c.PhotoKey, c.PhotoContentType }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Check-in photo", checkInId);
        try
        {
            return (await files.OpenReadAsync(photo.PhotoKey!, ct), photo.PhotoContentType ?? "application/octet-stream");
        }
        catch (FileNotFoundException)
        {
            // The row outlived its bytes (e.g. Storage:Provider switched without copying the files): not found, not a 500.
            throw new NotFoundException("Check-in photo", checkInId);
        }
    }

    /// <summary>Check-ins on the leads the caller can see, newest first, filtered by lead, member and local days (workspace zone).</summary>
    public async Task<Paged<CheckInDto>> ListAsync(CheckInFilter filter, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        new Validator().When(filter.Limit is < 1 or > 200, "limit", "must be between 1 and 200.").When(filter.Offset < 0, "offset", "must not be negative.")
            .When(filter.From is { } f && filter.To is { } t && t < f, "to", "must not be before from.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var q = db.CheckIns.AsNoTracking().Where(c => visible.Any(l => l.Id == c.LeadId));
        if (filter.LeadId is { } lead) q = q.Where(c => c.LeadId == lead);
        if (filter.UserId is { } user) q = q.Where(c => c.UserId == user);
        if (filter.From is not null || filter.To is not null)
        {
            var settings = await db.Tenants.AsNoTracking().Where(x => x.Id == access.User.TenantId).Select(x => x.Settings).FirstAsync(ct);
            var zone = WorkspaceTimeZones.Find(settings.TimeZone) ?? WorkspaceTimeZones.Default;
            if (filter.From is { } from) { var start = new ReportPeriod(from, from, zone).StartUtc; q = q.Where(c => c.CreatedAt >= start); }
            if (filter.To is { } to) { var end = new ReportPeriod(to, to, zone).EndUtc; q = q.Where(c => c.CreatedAt < end); }
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(filter.Offset).Take(filter.Limit)
            .Select(c => new
            {
                C = c, LeadName = db.Leads.Where(l => l.Id == c.LeadId).Select(l => l.Name).FirstOrDefault(),
                UserName = db.Users.Where(u => u.Id == c.UserId).Select(u => u.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var items = rows.Select(r => new CheckInDto(r.C.Id, r.C.LeadId, r.LeadName ?? "", r.C.UserId, r.UserName ?? "", r.C.Latitude, r.C.Longitude, r.C.AccuracyM,
            r.C.Note, r.C.PhotoKey is not null, r.C.CreatedAt)).ToList();
        return new Paged<CheckInDto>(items, total, filter.Limit, filter.Offset);
    }
}
