using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace SalesCrm.Web.Components.Shared;

/// <summary>An API field's label in the UI: <c>owner_id</c> → <c>Field_OwnerId</c> ("Responsável"), the key the audit log uses for the same field.</summary>
public static partial class FieldLabels
{
    /// <summary>
    /// The label of the field's last segment (<c>stages[1].probability</c> → "Chance de ganho"), or that segment when it has
    /// none. A workflow graph's parts are counted as a reader does: <c>graph.nodes[1].id</c> → "Passo 2 · id",
    /// <c>graph.edges[0].target</c> → "Ligação 1 · destino"; <c>graph.nodes</c> → "Passos".
    /// </summary>
    public static string For(IStringLocalizer localizer, string field)
    {
        if (GraphPart().Match(field) is { Success: true } part)
        {
            var number = int.Parse(part.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var which = localizer[part.Groups[1].Value == "nodes" ? "Field_GraphNode" : "Field_GraphEdge"].Value;
            return string.Format(CultureInfo.CurrentCulture, which, number) + " · " + For(localizer, part.Groups[3].Value);
        }
        var name = field[(field.LastIndexOf('.') + 1)..];
        var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        var label = localizer[$"Field_{pascal}"];
        if (label.ResourceNotFound) label = localizer[$"Field_{name}"];
        return label.ResourceNotFound ? name : label.Value;
    }

    [GeneratedRegex(@"^graph\.(nodes|edges)\[(\d+)\]\.(\w+)$")] private static partial Regex GraphPart();
}
