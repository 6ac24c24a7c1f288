using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Compares a scope value with a filter's text value, by type: boolean when the scope value is a boolean, number when
/// both read as numbers, date when both read as dates (by day when either has no time; the expected value may be
/// relative: <c>today</c>, <c>now</c>, <c>today-7d</c>, <c>now+48h</c>, see <see cref="ScopeValues.TryRelativeDate"/>), otherwise
/// ordinal text in NFC.
/// </summary>
public static class ValueComparer
{
    /// <summary>Whether <paramref name="actual"/> equals <paramref name="expected"/> under the rules above.</summary>
    public static bool AreEqual(JsonNode? actual, string expected, TimeZoneInfo zone, CultureInfo culture, DateTime? nowUtc = null)
    {
        if (ScopeValues.IsNull(actual)) return false;
        if (actual!.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return ScopeValues.TryBoolean(JsonValue.Create(expected), out var b) && b == (actual.GetValueKind() == JsonValueKind.True);
        return Compare(actual, expected, zone, culture, nowUtc) == 0;
    }

    /// <summary>
    /// The order of <paramref name="actual"/> against <paramref name="expected"/> (negative, zero, positive), or null
    /// when they cannot be ordered (null, booleans, objects, arrays).
    /// </summary>
    public static int? Compare(JsonNode? actual, string expected, TimeZoneInfo zone, CultureInfo culture, DateTime? nowUtc = null)
    {
        if (actual is not JsonValue value || ScopeValues.IsNull(actual)) return null;
        var kind = value.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False) return null;
        if (ScopeValues.TryNumber(actual, culture, out var a) && ScopeValues.TryNumber(expected, culture, out var e)) return a.CompareTo(e);
        if (kind == JsonValueKind.String && ScopeValues.TryDate(actual, zone, out var left, out var leftDay)
            && (ScopeValues.TryRelativeDate(expected, zone, nowUtc ?? DateTime.UtcNow, out var right, out var rightDay) || ScopeValues.TryDate(expected, zone, out right, out rightDay)))
        {
            if (!leftDay && !rightDay) return left.CompareTo(right);
            return LocalDay(left, zone).CompareTo(LocalDay(right, zone));
        }
        return string.CompareOrdinal(UnicodeText.Nfc(ScopeValues.Text(actual)), UnicodeText.Nfc(expected)) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
}
