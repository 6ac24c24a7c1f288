namespace SalesCrm.Core.Copilot;

/// <summary>
/// What the copilot knows of the lead it is asked about: names, stage, product (custom field <c>product</c>/<c>produto</c>),
/// owner, the last inbound WhatsApp message, the latest timeline entries (newest first), whether WhatsApp's 24-hour
/// window is open, and the template variables the lead fills (<c>first_name</c>, <c>lead_name</c>, <c>value</c>…).
/// </summary>
public sealed record LeadFacts(Guid LeadId, string Name, Guid StageId, string StageName, string? Product, string? OwnerName, string? LastInbound,
    IReadOnlyList<string> RecentInteractions, bool WindowOpen, IReadOnlyDictionary<string, string> TemplateVariables)
{
    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Name;
}
