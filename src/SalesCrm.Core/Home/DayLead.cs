namespace SalesCrm.Core.Home;

/// <summary>A lead on the home page: its name, value, stage and the moment that matters (idle since, or created at), UTC.</summary>
public sealed record DayLead(Guid Id, string Name, string? Company, decimal Value, string Currency, string? Stage, DateTime Since);
