using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Audit;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Audit;

/// <summary>
/// Turns stored audit entries (field names, ids, UTC stamps, minor units) into the history a manager reads: labels in
/// the UI language, names instead of ids, money in its currency, times in the workspace's zone, enum values translated,
/// derived and internal fields left out, and a link to the record while it exists. The stored entry is not changed.
/// </summary>
public sealed partial class AuditPresenter(IStringLocalizer localizer, Func<DateTime, DateTime> toLocal, IReadOnlyDictionary<Guid, AuditReference> references,
    string defaultCurrency)
{
    /// <summary>Fields derived from others or kept for the machinery: not history a reader follows.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string>(StringComparer.Ordinal)
    {
        "SearchText", "ScoreBreakdown", "Version", "UpdatedAt", "CreatedAt", "EmailNormalized", "Position", "StageEnteredAt", "LastAssignedAt", "LastUsedAt", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName",
    };

    public AuditEntryView Present(AuditLogDto entry)
    {
        var changes = new List<AuditChangeView>();
        var hidden = 0;
        if (entry.Changes.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in entry.Changes.EnumerateObject())
            {
                if (Internal.Contains(field.Name))
                {
                    hidden++;
                    continue;
                }
                var label = Label(entry.Entity, field.Name);
                var isColor = field.Name == "Color";
                if (!IsChange(field.Value))
                {
                    // Details of an action (an export's format and row count), not a field's before and after.
                    changes.Add(new AuditChangeView(field.Name, label, null, Format(entry, field.Name, field.Value)));
                    continue;
                }
                var old = field.Value.TryGetProperty("old", out var o) ? o : (JsonElement?)null;
                var @new = field.Value.TryGetProperty("new", out var n) ? n : (JsonElement?)null;
                // A record created or deleted lists every field; the empty ones say nothing.
                if (entry.Action != AuditActions.Update && IsEmpty(old ?? @new)) continue;
                changes.Add(new AuditChangeView(field.Name, label, old is { } before ? Format(entry, field.Name, before) : null,
                    @new is { } after ? Format(entry, field.Name, after) : null, isColor));
            }
        }
        // A name kept beside its id (a timeline entry's AuthorId and AuthorName) says the same thing twice.
        changes.RemoveAll(c => c.Field.EndsWith("Name", StringComparison.Ordinal) && changes.Any(id => id.Field == c.Field[..^4] + "Id" && id.Old == c.Old && id.New == c.New));
        var reference = references.GetValueOrDefault(entry.EntityId);
        return new AuditEntryView(entry.Id, toLocal(entry.OccurredAt), Actor(entry), Keyed("Entity_", entry.Entity, Humanize(entry.Entity)), Subject(entry, reference),
            reference is { Exists: true } ? Href(entry, reference) : null, Keyed("Audit_", entry.Action, entry.Action), changes, hidden,
            entry.Changes.ValueKind == JsonValueKind.Undefined ? "{}" : entry.Changes.GetRawText());
    }

    private string Actor(AuditLogDto entry) => entry.ActorType switch
    {
        _ when entry.ActorName is null => Labels.Actor(localizer, entry.ActorType),
        "User" => entry.ActorName,
        _ when ActorNames.IsWorded(entry.ActorName) => ActorNames.Display(localizer, entry.ActorName),
        _ => $"{entry.ActorName} ({Labels.Actor(localizer, entry.ActorType)})",
    };

    /// <summary>"Ana Souza", "Nota — Ana Souza" for a lead's timeline entry; a deleted record by the name its deletion recorded.</summary>
    private string? Subject(AuditLogDto entry, AuditReference? reference)
    {
        var name = reference?.Name ?? RecordedName(entry.Changes);
        if (name is null) return null;
        name = entry.Entity switch
        {
            "Role" => Labels.Role(localizer, name),
            "Interaction" => Keyed("Interaction_", name, name),
            _ => name,
        };
        if (entry.Entity is "Activity" or "Interaction" && reference?.ParentId is { } lead && references.GetValueOrDefault(lead) is { } parent)
            name = $"{name} — {parent.Name}";
        return name;
    }

    private static string? Href(AuditLogDto entry, AuditReference reference) => entry.Entity switch
    {
        "Lead" => $"/leads/{entry.EntityId}",
        "Activity" or "Interaction" when reference.ParentId is { } lead => $"/leads/{lead}",
        "Stage" when reference.ParentId is { } pipeline => $"/settings/pipelines?pipeline={pipeline}",
        "Pipeline" => $"/settings/pipelines?pipeline={entry.EntityId}",
        "Role" => "/settings/roles",
        "Membership" => "/settings/members",
        "ApiKey" => "/settings/api-keys",
        "WebhookSubscription" => "/settings/webhooks",
        "MessageTemplate" => "/settings/templates",
        "Integration" => "/settings/integrations",
        "Tenant" => "/settings/workspace",
        _ => null,
    };

    private string Format(AuditLogDto entry, string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return field == "RottenAfterDays" ? localizer["Never"] : "—";
        if (value.ValueKind == JsonValueKind.String && value.GetString() == "***") return localizer["AuditSecret"];
        switch (field)
        {
            case "ValueCents" when value.TryGetInt64(out var cents):
                return Money.Format(cents / 100m, Currency(entry));
            case "Probability" when value.TryGetInt32(out var percent):
                return $"{percent}%";
            case "RottenAfterDays" when value.TryGetInt32(out var days):
                return string.Format(localizer["DaysCount"], days);
            case "DurationSeconds" when value.TryGetInt32(out var seconds):
                return TimeSpan.FromSeconds(seconds).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
            case "Order" when value.TryGetInt32(out var order):
                return (order + 1).ToString(CultureInfo.CurrentCulture);
            case "ExpectedCloseDate" when DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date.ToString("d", CultureInfo.CurrentCulture);
            case "Capabilities" or "Scopes" when value.ValueKind == JsonValueKind.Array:
                return List(value, item => Labels.Capability(localizer, item));
            case "columns" when value.ValueKind == JsonValueKind.Array:
                // An export's columns by their labels, not the API's names (owner_id → Responsável).
                return List(value, column => FieldLabels.For(localizer, column));
            case "Display" when entry.Entity == "Integration":
                // A WhatsApp number is stored with its token's hint ("+55 11 4000-0000|****ogus"): the number says which.
                return value.ToString().Split('|')[0];
            case "Sources" when value.ValueKind == JsonValueKind.Array:
                return List(value, item => Labels.Source(localizer, item));
            case "Source" when entry.Entity == "Lead":
                return Labels.Source(localizer, Snake(value.ToString()));
            case "Name" or "Key" when entry.Entity == "Role":
                return Labels.Role(localizer, value.ToString());
        }
        if (EnumPrefix(entry.Entity, field) is { } prefix) return Keyed(prefix, Snake(value.ToString()), value.ToString());
        if (AuditQuery.IsReference(field) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)) return Referenced(id);
        return value.ValueKind switch
        {
            JsonValueKind.True => localizer["Yes"],
            JsonValueKind.False => localizer["No"],
            JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole.ToString("N0", CultureInfo.CurrentCulture) : value.GetDecimal().ToString(CultureInfo.CurrentCulture),
            JsonValueKind.String => Text(value.GetString()!),
            JsonValueKind.Array => List(value, Text),
            _ => value.GetRawText(),
        };
    }

    /// <summary>The name of the record an id names (a system role in the reader's language).</summary>
    private string Referenced(Guid id) => references.GetValueOrDefault(id) switch
    {
        null => localizer["AuditUnknownRecord"],
        { Entity: "Role" } role => Labels.Role(localizer, role.Name),
        var reference => reference.Name,
    };

    /// <summary>A UTC stamp becomes the workspace's local time; long text is cut.</summary>
    private string Text(string text)
    {
        if (IsoStamp().IsMatch(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return toLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("g", CultureInfo.CurrentCulture);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private string List(JsonElement array, Func<string, string> item) =>
        array.GetArrayLength() == 0 ? "—" : string.Join(", ", array.EnumerateArray().Select(v => item(v.ToString())));

    private string Currency(AuditLogDto entry)
    {
        if (entry.Changes.ValueKind == JsonValueKind.Object && entry.Changes.TryGetProperty("Currency", out var change) && IsChange(change))
        {
            foreach (var side in new[] { "new", "old" })
                if (change.TryGetProperty(side, out var code) && code.ValueKind == JsonValueKind.String) return code.GetString()!;
        }
        return references.GetValueOrDefault(entry.EntityId)?.Currency ?? defaultCurrency;
    }

    private static string? EnumPrefix(string entity, string field) => (entity, field) switch
    {
        ("Lead", "Priority") => "Priority_",
        ("Lead", "Status") => "LeadStatus_",
        ("Stage", "Kind") => "StageKind_",
        ("Activity", "Type") => "Activity_",
        ("Interaction", "Type") => "Interaction_",
        ("Role", "Visibility") => "Visibility_",
        _ => null,
    };

    /// <summary><c>Field_{Entity}_{Field}</c>, else <c>Field_{Field}</c>, else the field name in words.</summary>
    private string Label(string entity, string field)
    {
        var specific = localizer[$"Field_{entity}_{field}"];
        return specific.ResourceNotFound ? Keyed("Field_", field, Humanize(field)) : specific.Value;
    }

    private string Keyed(string prefix, string key, string fallback)
    {
        var text = localizer[prefix + key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    private static bool IsChange(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && (value.TryGetProperty("old", out _) || value.TryGetProperty("new", out _));

    private static bool IsEmpty(JsonElement? value) => value is not { } v || v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.String => string.IsNullOrEmpty(v.GetString()) || v.GetString() == "{}",
        JsonValueKind.Array => v.GetArrayLength() == 0,
        _ => false,
    };

    private static string? RecordedName(JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object) return null;
        foreach (var field in new[] { "Name", "Title", "Url" })
        {
            if (!changes.TryGetProperty(field, out var change) || !IsChange(change)) continue;
            foreach (var side in new[] { "new", "old" })
                if (change.TryGetProperty(side, out var name) && name.ValueKind == JsonValueKind.String) return name.GetString();
        }
        return null;
    }

    /// <summary>"FollowUp" → "follow_up", the spelling of the resource keys and the API.</summary>
    private static string Snake(string pascal) => PascalBoundary().Replace(pascal, "$1_$2").ToLowerInvariant();

    /// <summary>"ExpectedCloseDate" → "Expected close date": the last resort for a field without a label.</summary>
    private static string Humanize(string pascal)
    {
        var words = PascalBoundary().Replace(pascal, "$1 $2").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex PascalBoundary();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoStamp();
}
