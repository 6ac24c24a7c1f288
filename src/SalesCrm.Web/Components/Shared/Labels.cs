using Microsoft.Extensions.Localization;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Reader-facing names for values stored as keys; a value without a label shows as it is stored.</summary>
public static class Labels
{
    /// <summary>System roles are stored by key (owner, sales_rep…) and shown in the reader's language; custom roles as named.</summary>
    public static string Role(IStringLocalizer localizer, string roleName) => Keyed(localizer, "Role_", roleName);

    /// <summary>"meta_ads" → "Anúncios Meta" / "Meta Ads".</summary>
    public static string Source(IStringLocalizer localizer, string source) => Keyed(localizer, "Source_", source);

    public static string Source(IStringLocalizer localizer, LeadSource source) => Source(localizer, SnakeEnum.ToText(source));

    /// <summary>"pipeline.manage" → "Configurar funis e etapas"; an unknown code shows as it is.</summary>
    public static string Capability(IStringLocalizer localizer, string capability) => Keyed(localizer, "Cap_", capability);

    /// <summary>"leads" → "Leads", "users" → "Usuários".</summary>
    public static string Module(IStringLocalizer localizer, string module) => Keyed(localizer, "Module_", module);

    private static string Keyed(IStringLocalizer localizer, string prefix, string value)
    {
        var label = localizer[prefix + value];
        return label.ResourceNotFound ? value : label.Value;
    }
}
