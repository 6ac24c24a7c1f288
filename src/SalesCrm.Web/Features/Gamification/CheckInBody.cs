namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// <c>POST /api/v1/checkins</c>: lead, position in degrees, accuracy radius in metres, optional note and photo as a data
/// URL (<c>data:image/jpeg;base64,…</c>; JPEG, PNG or WebP up to 5 MB).
/// </summary>
public sealed record CheckInBody(Guid? LeadId, double? Lat, double? Long, double? AccuracyM, string? Note, string? Photo);
