using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Components.Shared;

/// <summary>A lead's campaign tags on one line: the parts it has, in UTM order, e.g. "facebook / campanha-verao".</summary>
public static class UtmText
{
    /// <summary>Source / medium / campaign / term / content without the empty ones; null when the lead has none.</summary>
    public static string? Summary(LeadDto lead) => Summary(lead.UtmSource, lead.UtmMedium, lead.UtmCampaign, lead.UtmTerm, lead.UtmContent);

    public static string? Summary(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return present.Count == 0 ? null : string.Join(" / ", present);
    }
}
