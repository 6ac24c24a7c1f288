using Microsoft.Extensions.Localization;

namespace SalesCrm.Web.Components.Shared;

/// <summary>System roles are stored by key (owner, sales_rep…) and shown in the user's language; custom roles as named.</summary>
public static class RoleLabel
{
    public static string For(IStringLocalizer localizer, string roleName)
    {
        var localized = localizer[$"Role_{roleName}"];
        return localized.ResourceNotFound ? roleName : localized.Value;
    }
}
