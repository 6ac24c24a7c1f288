using System.Text.Json;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Leads;

/// <summary>
/// The body of <c>POST /api/v1/leads</c>: only what a client may set. Internal fields of <see cref="LeadInput"/> (the
/// webhook processor's idempotency key) are not bindable; clients that need idempotency send the
/// <c>Idempotency-Key</c> header instead.
/// </summary>
public sealed record CreateLeadRequest
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    /// <summary>Any common spelling; stored in E.164 (the workspace's region is assumed without a country code).</summary>
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public LeadSource? Source { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmTerm { get; init; }
    public string? UtmContent { get; init; }
    public Guid? OwnerId { get; init; }
    public LeadPriority? Priority { get; init; }
    /// <summary>In major units of <see cref="Currency"/> (e.g. 1500.50).</summary>
    public decimal? Value { get; init; }
    /// <summary>ISO 4217; the workspace's default currency when omitted.</summary>
    public string? Currency { get; init; }
    public DateOnly? ExpectedCloseDate { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public JsonElement? CustomFields { get; init; }
    public Guid? PipelineId { get; init; }
    public Guid? StageId { get; init; }
    /// <summary>Required when <see cref="StageId"/> is a lost stage (at most 500 characters); the deal is created lost with it.</summary>
    public string? LostReason { get; init; }

    public LeadInput ToInput() => new()
    {
        Name = Name, Email = Email, Phone = Phone, Company = Company, Source = Source,
        UtmSource = UtmSource, UtmMedium = UtmMedium, UtmCampaign = UtmCampaign, UtmTerm = UtmTerm, UtmContent = UtmContent,
        OwnerId = OwnerId, Priority = Priority, Value = Value, Currency = Currency, ExpectedCloseDate = ExpectedCloseDate,
        Tags = Tags, CustomFields = CustomFields, PipelineId = PipelineId, StageId = StageId, LostReason = LostReason,
    };
}
