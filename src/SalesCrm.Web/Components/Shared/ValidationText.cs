using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// A service's validation messages in the reader's language. Services write them in English in a few stable shapes
/// ("is required.", "must be at most 200 characters.", "must be between 0 and 100."); each shape maps to a resource
/// <c>Val_{shape}</c> with its numbers and names as arguments. A message of no known shape is shown as written.
/// Fields are named by their UI label (<c>Field_{Name}</c>, as the audit log names them), not the API's name.
/// </summary>
public static partial class ValidationText
{
    private static readonly (Regex Shape, string Key)[] Shapes =
    [
        (RequiredShape(), "Val_required"),
        (MaxLengthShape(), "Val_max_length"),
        (BetweenShape(), "Val_between"),
        (PhoneShape(), "Val_phone"),
        (MissingShape(), "Val_missing_values"),
        (NotInWorkspaceShape(), "Val_not_in_workspace"),
        (NotMemberShape(), "Val_not_member"),
        (NotWithFileShape(), "Val_not_with_file"),
        (DuplicateNodeIdShape(), "Val_duplicate_node_id"),
        (MaxNodesShape(), "Val_max_nodes"),
        (MaxEdgesShape(), "Val_max_edges"),
        (JsonObjectShape(), "Val_json_object"),
    ];

    /// <summary>The message in the reader's language, or as written when it has no known shape.</summary>
    public static string Message(IStringLocalizer localizer, string message)
    {
        foreach (var (shape, key) in Shapes)
        {
            var match = shape.Match(message.Trim());
            if (!match.Success) continue;
            var args = match.Groups.Cast<Group>().Skip(1).Select(g => (object)Number(g.Value)).ToArray();
            return string.Format(CultureInfo.CurrentCulture, localizer[key].Value, args);
        }
        return message;
    }

    /// <summary>The field's label in the UI (<c>owner_id</c> → "Responsável", <c>stages[1].probability</c> → "Chance de ganho").</summary>
    public static string FieldLabel(IStringLocalizer localizer, string field) => FieldLabels.For(localizer, field);

    /// <summary>"Nome: deve ter no máximo 200 caracteres." for each field, for a page that has no box to put it under.</summary>
    public static string Summary(IStringLocalizer localizer, ValidationException error) =>
        string.Join(" ", error.Errors.Select(kv => $"{FieldLabel(localizer, kv.Key)}: {string.Join(" ", kv.Value.Select(m => Message(localizer, m)))}"));

    /// <summary>Numbers as the reader writes them (1000000 → 1.000.000, -100000 → -100.000 in pt-BR); anything else unchanged.</summary>
    private static string Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.CurrentCulture) : text;

    [GeneratedRegex(@"^is required\b")] private static partial Regex RequiredShape();
    [GeneratedRegex(@"^must be at most (\d+) characters\.$")] private static partial Regex MaxLengthShape();
    [GeneratedRegex(@"^must be between (-?\d+) and (-?\d+)(?: days)?\.$")] private static partial Regex BetweenShape();
    [GeneratedRegex(@"^'(.*)' is not a valid phone number\.$")] private static partial Regex PhoneShape();
    [GeneratedRegex(@"^Missing values for: (.*)\.$")] private static partial Regex MissingShape();
    [GeneratedRegex(@"^does not name an? .+ (?:of this (?:tenant|workspace)|you can see)\.$")] private static partial Regex NotInWorkspaceShape();
    [GeneratedRegex(@"^is not a member of this tenant\.$")] private static partial Regex NotMemberShape();
    [GeneratedRegex(@"^must be empty when a file is uploaded\b")] private static partial Regex NotWithFileShape();
    [GeneratedRegex(@"^'(.*)' is the id of another node\.$")] private static partial Regex DuplicateNodeIdShape();
    [GeneratedRegex(@"^must have at most (\d+) nodes\.$")] private static partial Regex MaxNodesShape();
    [GeneratedRegex(@"^must have at most (\d+) edges\.$")] private static partial Regex MaxEdgesShape();
    [GeneratedRegex(@"^must be a JSON object\.$")] private static partial Regex JsonObjectShape();
}
