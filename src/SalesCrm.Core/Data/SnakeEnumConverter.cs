using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesCrm.Core.Data;

/// <summary>Stores enums as the same snake_case strings the API speaks (<c>meta_ads</c>, <c>status_change</c>).</summary>
public sealed class SnakeEnumConverter<T>() : ValueConverter<T, string>(v => SnakeEnum.ToText(v), s => SnakeEnum.Parse<T>(s))
    where T : struct, Enum;

public static class SnakeEnum
{
    public static string ToText<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToText(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase)) { value = candidate; return true; }
        }
        return false;
    }

    public static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(ToText);
}
