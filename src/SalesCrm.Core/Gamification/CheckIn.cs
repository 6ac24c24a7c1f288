using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>A geo-tagged visit check-in at a lead, from the rep's phone browser.</summary>
public sealed class CheckIn : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>Degrees, −90..90.</summary>
    public double Latitude { get; set; }
    /// <summary>Degrees, −180..180.</summary>
    public double Longitude { get; set; }
    /// <summary>The browser's accuracy radius in metres.</summary>
    public double AccuracyM { get; set; }
    public string? Note { get; set; }
    /// <summary>Storage key of the optional photo.</summary>
    public string? PhotoKey { get; set; }
    public string? PhotoContentType { get; set; }
    public DateTime CreatedAt { get; set; }
}
