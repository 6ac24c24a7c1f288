namespace SalesCrm.Core.Gamification;

/// <summary>
/// A check-in: the lead, position in degrees (lat −90..90, long −180..180), accuracy radius in metres (0 &lt; accuracy ≤ 5000),
/// an optional note (≤ 1000 characters) and photo (JPEG, PNG or WebP, ≤ <see cref="CheckInService.MaxPhotoBytes"/>).
/// </summary>
public sealed record CheckInInput(Guid? LeadId, double? Latitude, double? Longitude, double? AccuracyM, string? Note, byte[]? Photo = null, string? PhotoContentType = null);
