using SalesCrm.Core.Common;

namespace SalesCrm.Core.Leads;

/// <summary>A lead and its opportunity are one record that moves through a pipeline.</summary>
public sealed class Lead : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    /// <summary>Lower-cased email, for de-duplication.</summary>
    public string? EmailNormalized { get; set; }
    /// <summary>E.164, normalized with libphonenumber (Brazilian mobiles always with their ninth digit).</summary>
    public string? Phone { get; set; }
    /// <summary>
    /// A phone as a webhook or an import gave it when it could not be read as a number ("não tenho", "123"): kept so the
    /// lead is not lost and a rep can fix it; <see cref="Phone"/> is then empty. Cleared once a real phone is set.
    /// </summary>
    public string? PhoneRaw { get; set; }
    public const int PhoneRawMaxLength = 100;
    /// <summary>
    /// The sender's <c>wa_id</c> exactly as WhatsApp gave it (digits, no plus; for older Brazilian accounts the 12-digit
    /// form without the ninth digit). Replies are addressed to it; it is forgotten when the phone is changed to another number.
    /// </summary>
    public string? WhatsappId { get; set; }
    public string? Company { get; set; }

    /// <summary>
    /// Name, company and e-mail folded for search (lower case, accents removed: "Érica Gonçalves" → "erica goncalves"),
    /// computed from those fields, so EF stores a fresh copy whenever one of them changes.
    /// </summary>
    public string SearchText { get => LeadSearch.Fold(Name, Company, EmailNormalized); private set { } }
    public LeadSource Source { get; set; } = LeadSource.Manual;
    /// <summary>Every source the lead was captured from, first one first.</summary>
    public List<string> Sources { get; set; } = [];
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
    public Guid? OwnerId { get; set; }
    public LeadPriority Priority { get; set; } = LeadPriority.Normal;
    /// <summary>Deal value in minor units (cents) of <see cref="Currency"/>; SQLite cannot order decimals.</summary>
    public long ValueCents { get; set; }
    public string Currency { get; set; } = "BRL";
    public DateOnly? ExpectedCloseDate { get; set; }
    public int Score { get; set; }
    /// <summary>JSON object: factor → points.</summary>
    public string ScoreBreakdown { get; set; } = "{}";
    public List<string> Tags { get; set; } = [];
    /// <summary>Free-form JSON object of integration or tenant-defined fields.</summary>
    public string CustomFields { get; set; } = "{}";
    public LeadStatus Status { get; set; } = LeadStatus.Open;
    public string? LostReason { get; set; }
    public Guid PipelineId { get; set; }
    public Guid StageId { get; set; }
    /// <summary>Fractional rank inside the stage column (lower first); a drop between two cards takes the midpoint.</summary>
    public double Position { get; set; }
    public DateTime StageEnteredAt { get; set; }
    public DateTime? LastInteractionAt { get; set; }
    public int InteractionCount { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>App-managed concurrency token, incremented on every change (SQLite has no rowversion).</summary>
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}

public enum LeadSource { Whatsapp, Instagram, Facebook, MetaAds, Zapier, Website, Referral, Manual, Import, Api }

public enum LeadPriority { Low, Normal, High, Urgent }

public enum LeadStatus { Open, Won, Lost }
