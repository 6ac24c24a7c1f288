namespace SalesCrm.Core.Gamification;

/// <summary>A check-in as listed: who, where (degrees, accuracy in metres), when (UTC), and whether it has a photo.</summary>
public sealed record CheckInDto(Guid Id, Guid LeadId, string LeadName, Guid UserId, string UserName, double Lat, double Long, double AccuracyM, string? Note, bool HasPhoto, DateTime CreatedAt);
