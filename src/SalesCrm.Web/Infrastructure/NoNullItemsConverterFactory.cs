using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Refuses <c>null</c> items in request arrays of reference types (<c>"stages":[null]</c>, <c>"events":[null]</c>,
/// <c>"pages":[null]</c>) with a 400 naming the item, for every body bound with the API's JSON options. System.Text.Json's
/// <c>RespectNullableAnnotations</c> does not reach collection items (generic arguments carry no nullability at run
/// time), so without this a null item reaches the service as a null record and fails there as a 500.
/// Handles <c>T[]</c>, <c>List&lt;T&gt;</c> and the list interfaces a request record declares; writes exactly as the default.
/// </summary>
public sealed class NoNullItemsConverterFactory : JsonConverterFactory
{
    private static readonly Type[] ListShapes =
        [typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>)];

    public override bool CanConvert(Type typeToConvert) => ItemType(typeToConvert) is { IsValueType: false } item && item != typeof(object);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<,>).MakeGenericType(typeToConvert, ItemType(typeToConvert)!))!;

    private static Type? ItemType(Type type) =>
        type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType()
        : type.IsGenericType && ListShapes.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0]
        : null;

    private sealed class Converter<TList, TItem> : JsonConverter<TList> where TList : IEnumerable<TItem>
    {
        public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException();
            var items = new List<TItem>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null) throw new RejectedJsonValueException("must not be null.", $"[{items.Count}]");
                items.Add(JsonSerializer.Deserialize<TItem>(ref reader, options)!);
            }
            return (TList)(object)(typeToConvert.IsArray ? items.ToArray() : items);
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
