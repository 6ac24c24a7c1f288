using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Which bodies the receivers take, and how a stored one is read back. The body is stored exactly as received with its
/// <c>Content-Type</c> among the kept headers; a form is turned into JSON only when it is processed, so the inbox shows
/// what the sender sent.
/// </summary>
public static class InboundBody
{
    /// <summary>
    /// The format of a body sent with <paramref name="contentType"/>: JSON for <c>application/json</c>, <c>text/json</c>,
    /// any <c>+json</c> type, and no Content-Type at all; a form for <c>application/x-www-form-urlencoded</c> when
    /// <paramref name="formAllowed"/>. Null — the receiver answers 415 — for any other type, or a charset other than
    /// UTF-8 (or US-ASCII, a subset of it): a body that would be read wrongly is refused rather than stored garbled.
    /// </summary>
    public static InboundBodyFormat? FormatOf(string? contentType, bool formAllowed)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return InboundBodyFormat.Json;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type) return null;
        if (media.CharSet is { } charset && !ReadsAsUtf8(charset)) return null;
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)) return InboundBodyFormat.Json;
        return formAllowed && type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? InboundBodyFormat.Form : null;
    }

    /// <summary>The format a request was stored in, from its kept headers (<c>Content-Type</c>); JSON when there is none.</summary>
    public static InboundBodyFormat StoredFormat(IReadOnlyDictionary<string, string> headers) =>
        headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value is { } type
            ? FormatOf(type, formAllowed: true) ?? InboundBodyFormat.Json
            : InboundBodyFormat.Json;

    /// <summary>
    /// A stored item's body as JSON: a form as its flat fields (<see cref="FormBody"/>), JSON as parsed. JSON that does
    /// not parse (an item received malformed, then retried) is a <see cref="MalformedItemException"/> at <c>$</c>.
    /// </summary>
    public static JsonNode? Parse(InboxItem item)
    {
        if (StoredFormat(JsonSerializer.Deserialize<Dictionary<string, string>>(item.Headers) ?? []) == InboundBodyFormat.Form) return FormBody.ToJson(item.Body);
        try { return JsonNode.Parse(item.Body); }
        catch (JsonException e) { throw new MalformedItemException("$", $"is not JSON ({e.Message})"); }
    }

    /// <summary>UTF-8 (however spelled: <c>utf-8</c>, <c>UTF8</c>) or US-ASCII, whose bytes read the same as UTF-8.</summary>
    private static bool ReadsAsUtf8(string charset) => charset.Trim('"').Replace("-", "").Replace("_", "").ToLowerInvariant() is "utf8" or "usascii" or "ascii";
}
