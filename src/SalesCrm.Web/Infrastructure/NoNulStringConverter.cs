using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Refuses a NUL character (<c>\u0000</c>) in any JSON string of a request body with a 400 naming the field: PostgreSQL
/// cannot store NUL in <c>text</c> (SQLite can), so it would otherwise be a 500 on one provider and stored on the other.
/// </summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0') ? throw new RejectedJsonValueException("must not contain NUL characters.") : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
