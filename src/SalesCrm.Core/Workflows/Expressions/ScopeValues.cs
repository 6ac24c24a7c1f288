using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Reads scope values (JSON nodes) as numbers, dates, booleans or text, the way people and integrations write them:
/// numbers may be JSON numbers or text in the workspace culture (<c>1.234,56</c>, <c>R$ 350</c>, <c>1,234.56</c>);
/// dates ISO 8601 or pt-BR <c>dd/MM/yyyy</c>. Every reader returns false instead of throwing.
/// </summary>
public static class ScopeValues
{
    private static readonly string[] DayFirstFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];

    /// <summary>A JSON number, or text read by <see cref="MoneyParser"/> in <paramref name="culture"/>, then as an invariant number (<c>3.14159</c>, <c>1e3</c>).</summary>
    public static bool TryNumber(JsonNode? node, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v) return false;
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                if (v.TryGetValue(out decimal d)) { value = d; return true; }
                if (v.TryGetValue(out double f) && double.IsFinite(f) && Math.Abs(f) < 7.9e28) { value = (decimal)f; return true; }
                // A value built in code (JsonValue.Create(42), an executor's output) holds its CLR type, which TryGetValue does not convert.
                if (v.TryGetValue(out long l)) { value = l; return true; }
                if (v.TryGetValue(out int i)) { value = i; return true; }
                if (v.TryGetValue(out float s) && float.IsFinite(s)) { value = (decimal)s; return true; }
                return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonValueKind.String:
                return TryNumber(StringOf(v), culture, out value);
            default:
                return false;
        }
    }

    /// <summary>Numeric text: see <see cref="TryNumber(JsonNode?, CultureInfo, out decimal)"/>. At most 64 characters.</summary>
    public static bool TryNumber(string? text, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        if (MoneyParser.TryParse(text, culture.Name, out value)) return true;
        var trimmed = text.Trim();
        // Invariant reading only for text that is plainly a number (no group separators): 3.14159, -0.5, 1e3.
        return !trimmed.Contains(',') && decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// A date or instant: JSON/ISO 8601 text (<c>2026-12-03</c>, <c>2026-12-03T10:00:00Z</c>) or day-first text
    /// (<c>03/12/2026</c>, <c>03/12/2026 14:30</c>). <paramref name="dateOnly"/> is true when no time was given. Text
    /// without an offset is read in <paramref name="zone"/>; <paramref name="utc"/> is the instant in UTC (a date alone is
    /// its midnight in the zone).
    /// </summary>
    public static bool TryDate(JsonNode? node, TimeZoneInfo zone, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return false;
        return TryDate(StringOf(v), zone, out utc, out dateOnly);
    }

    /// <summary>Date text: see <see cref="TryDate(JsonNode?, TimeZoneInfo, out DateTime, out bool)"/>.</summary>
    public static bool TryDate(string? text, TimeZoneInfo zone, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var s = text.Trim();
        if (s.Length < 8 || !char.IsAsciiDigit(s[0])) return false;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDay))
            return FromLocal(isoDay.ToDateTime(TimeOnly.MinValue), zone, true, out utc, out dateOnly);
        if (s.Length > 10 && s[4] == '-' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            var hasOffset = s.EndsWith('Z') || s.EndsWith('z') || s.LastIndexOfAny(['+', '-']) > 10;
            if (hasOffset) { utc = instant.UtcDateTime; return true; }
            return FromLocal(instant.DateTime, zone, false, out utc, out dateOnly);
        }
        if (DateTime.TryParseExact(s, DayFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return FromLocal(local, zone, !s.Contains(':'), out utc, out dateOnly);
        return false;
    }

    /// <summary>
    /// A date relative to <paramref name="nowUtc"/>: <c>today</c> (the day in <paramref name="zone"/>, a date without time),
    /// <c>today+3d</c> / <c>today-7d</c> (days), <c>now</c>, <c>now-48h</c>, <c>now+30m</c>, <c>now-2d</c> (an instant).
    /// Offsets up to 100 000 units; anything else is false.
    /// </summary>
    public static bool TryRelativeDate(string? text, TimeZoneInfo zone, DateTime nowUtc, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 16) return false;
        var s = text.Trim().ToLowerInvariant();
        var today = s.StartsWith("today", StringComparison.Ordinal);
        if (!today && !s.StartsWith("now", StringComparison.Ordinal)) return false;
        var rest = s[(today ? 5 : 3)..];
        var offset = TimeSpan.Zero;
        if (rest.Length > 0)
        {
            if (rest.Length < 3 || rest[0] is not ('+' or '-') || !int.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000) return false;
            var unit = rest[^1];
            if (today && unit != 'd') return false;
            offset = unit switch { 'd' => TimeSpan.FromDays(amount), 'h' => TimeSpan.FromHours(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.MinValue };
            if (offset == TimeSpan.MinValue) return false;
            if (rest[0] == '-') offset = -offset;
        }
        var utcNow = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        if (!today)
        {
            utc = utcNow + offset;
            return true;
        }
        var localDay = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone).Date + offset;
        return FromLocal(localDay, zone, true, out utc, out dateOnly);
    }

    /// <summary>JSON true/false, or the text <c>true</c>/<c>false</c> (any case).</summary>
    public static bool TryBoolean(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue v) return false;
        switch (v.GetValueKind())
        {
            case JsonValueKind.True: value = true; return true;
            case JsonValueKind.False: return true;
            case JsonValueKind.String:
                var s = StringOf(v).Trim();
                if (s.Equals("true", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
                return s.Equals("false", StringComparison.OrdinalIgnoreCase);
            default: return false;
        }
    }

    /// <summary>
    /// A JSON string's text. JSON parsed from text may escape a lone surrogate (<c>"\ud83d"</c>), which
    /// System.Text.Json refuses to decode: such a string is read as U+FFFD instead of throwing.
    /// </summary>
    public static string StringOf(JsonValue value)
    {
        try { return value.GetValue<string>(); }
        catch (InvalidOperationException)
        {
            // Only a node parsed from JSON text can hold such an escape; its raw text is still readable.
            if (!value.TryGetValue(out JsonElement element)) return "\uFFFD";
            var json = element.GetRawText();
            var decoded = System.Text.RegularExpressions.Regex.Replace(json[1..^1], @"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", "\\ufffd");
            try { return JsonNode.Parse("\"" + decoded + "\"")!.GetValue<string>(); }
            catch (Exception e) when (e is InvalidOperationException or JsonException) { return "\uFFFD"; }
        }
    }

    /// <summary>True for a missing value and for JSON null.</summary>
    public static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>
    /// The value as text: a string as it is, a number in invariant form, true/false, objects and arrays as compact JSON,
    /// null as empty.
    /// </summary>
    public static string Text(JsonNode? node)
    {
        if (IsNull(node)) return "";
        if (node is JsonValue v)
        {
            return v.GetValueKind() switch
            {
                JsonValueKind.String => StringOf(v),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => v.ToJsonString(),
            };
        }
        return node!.ToJsonString();
    }

    private static bool FromLocal(DateTime local, TimeZoneInfo zone, bool isDateOnly, out DateTime utc, out bool dateOnly)
    {
        dateOnly = isDateOnly;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall time skipped by a DST change has no instant: take the one an hour later rather than fail.
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return true;
    }
}
