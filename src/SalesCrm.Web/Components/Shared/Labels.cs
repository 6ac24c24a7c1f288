using Microsoft.Extensions.Localization;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Reader-facing names for values the API keeps as snake_case text.</summary>
public static class Labels
{
    /// <summary>"meta_ads" → "Anúncios Meta" / "Meta Ads"; a source without a label shows as it is stored.</summary>
    public static string Source(IStringLocalizer localizer, string source)
    {
        var label = localizer[$"Source_{source}"];
        return label.ResourceNotFound ? source : label.Value;
    }

    public static string Source(IStringLocalizer localizer, LeadSource source) => Source(localizer, SnakeEnum.ToText(source));
}
