using Microsoft.Extensions.Localization;

namespace SalesCrm.Web.Components.Shared;

/// <summary>An API field's label in the UI: <c>owner_id</c> → <c>Field_OwnerId</c> ("Responsável"), the key the audit log uses for the same field.</summary>
public static class FieldLabels
{
    /// <summary>The label of the field's last segment (<c>stages[1].probability</c> → "Chance de ganho"), or that segment when it has none.</summary>
    public static string For(IStringLocalizer localizer, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        var label = localizer[$"Field_{pascal}"];
        if (label.ResourceNotFound) label = localizer[$"Field_{name}"];
        return label.ResourceNotFound ? name : label.Value;
    }
}
