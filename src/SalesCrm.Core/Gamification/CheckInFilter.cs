namespace SalesCrm.Core.Gamification;

/// <summary>Filters of the check-in list: lead, member, local days from/to (both included), page.</summary>
public sealed record CheckInFilter(Guid? LeadId = null, Guid? UserId = null, DateOnly? From = null, DateOnly? To = null, int Limit = 50, int Offset = 0);
