using System.Text.Json.Nodes;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body (Zapier's default "Form" payload) as the flat JSON object the
/// inbound mappers already read: <c>name=Ana+Souza&amp;tags=a&amp;tags=b</c> is <c>{"name":"Ana Souza","tags":["a","b"]}</c>.
/// </summary>
public static class FormBody
{
    /// <summary>
    /// Every field in order of first appearance: <c>+</c> is a space, <c>%XX</c> are UTF-8 bytes (a malformed escape
    /// stays as written), a key without <c>=</c> has an empty value, a repeated key becomes an array of its values,
    /// and NUL characters are dropped (<see cref="JsonPath.WithoutNul"/>). Keys are kept as sent (case included).
    /// </summary>
    public static JsonObject ToJson(string body)
    {
        var fields = new JsonObject();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = JsonValue.Create(equals < 0 ? "" : Decode(pair[(equals + 1)..]));
            if (key.Length == 0) continue;
            switch (fields[key])
            {
                case null when !fields.ContainsKey(key):
                    fields[key] = value;
                    break;
                case JsonArray values:
                    values.Add(value);
                    break;
                case var first:
                    fields[key] = new JsonArray(first?.DeepClone(), value);
                    break;
            }
        }
        return fields;
    }

    private static string Decode(string text) => JsonPath.WithoutNul(Uri.UnescapeDataString(text.Replace('+', ' ')));
}
