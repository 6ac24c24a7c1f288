using System.Text.RegularExpressions;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>A WhatsApp message template: the only way to start (or resume) a conversation outside the 24-hour window.</summary>
public sealed class MessageTemplate : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    /// <summary>The template's name as registered with WhatsApp (lower case, digits, underscores).</summary>
    public required string Name { get; set; }
    public TemplateCategory Category { get; set; } = TemplateCategory.Utility;
    /// <summary>WhatsApp language code, e.g. <c>pt_BR</c>.</summary>
    public string Language { get; set; } = "pt_BR";
    /// <summary>Text with <c>{{variables}}</c>: lead_name, first_name, company, owner_name, value, or any the sender supplies.</summary>
    public required string Body { get; set; }
    public TemplateStatus Status { get; set; } = TemplateStatus.Approved;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum TemplateCategory { Marketing, Utility, Authentication }

public enum TemplateStatus { Approved, Pending, Rejected }

public static partial class TemplateText
{
    /// <summary>The variable names in order of first appearance.</summary>
    public static IReadOnlyList<string> Variables(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills every variable; a missing one is a validation error naming it.</summary>
    public static (string Text, IReadOnlyList<string> Values) Render(string body, IReadOnlyDictionary<string, string> values)
    {
        var names = Variables(body);
        var missing = names.Where(n => !values.TryGetValue(n, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        if (missing.Count > 0) throw new ValidationException("variables", $"Missing values for: {string.Join(", ", missing)}.");
        var text = Placeholder().Replace(body, m => values[m.Groups[1].Value]);
        return (text, names.Select(n => values[n]).ToList());
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
