using System.Text.Json.Nodes;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Cuts a stored Meta or WhatsApp request, or a Zapier batch (a JSON array of records), into its items, so that each is
/// processed, retried and failed on its own: one bad message or record, or one workspace's expired page token, never
/// holds back the rest of the request.
/// </summary>
/// <remarks>
/// Done by the processor, not the receiver, so acknowledging stays a single append (ADR 005). Each item is a request of
/// the provider's own shape holding one unit — a Meta <c>leadgen</c> change, or one WhatsApp message or status with its
/// change's <c>metadata</c> and <c>contacts</c> — so the same handlers process items and undivided requests, and an
/// item's body shows its workspace nothing of another's.
/// </remarks>
public static class InboxSplit
{
    /// <summary>
    /// The request's items, in the order they appear, when it has two or more; otherwise none, and the request is
    /// processed as it is (its faults then name their paths in the request itself). A Zapier batch gives one item per
    /// element, whatever it is: an element that is not an object fails on its own, naming its place (<c>$[1]</c>).
    /// </summary>
    /// <remarks>
    /// A unit that is not of the provider's shape — an entry that is not an object (<c>entry:[null]</c>), <c>changes</c>
    /// that is not an array, a change that is not an object, a <c>leadgen</c> change without a <c>value</c> object or a
    /// <c>leadgen_id</c>, a WhatsApp <c>messages</c> or <c>statuses</c> that is not an array or holds a non-object — is an
    /// item of its own, counted like the others: it fails at once naming its path (<see cref="MalformedItemException"/>),
    /// and never holds back, or vanishes beside, the well-formed units of the same request.
    /// </remarks>
    public static List<JsonNode?> Items(InboxProvider provider, JsonNode? root) => root switch
    {
        JsonObject request => [.. Items(provider, request)],
        // Integrators batch records as a JSON array: each record is a lead of its own, with its own retries.
        JsonArray batch when provider == InboxProvider.Zapier && batch.Count > 1 => [.. batch.Select(record => record?.DeepClone())],
        _ => [],
    };

    /// <summary>The items of a Meta or WhatsApp request (see the other overload); none for other providers.</summary>
    public static List<JsonObject> Items(InboxProvider provider, JsonObject root)
    {
        var units = provider switch
        {
            InboxProvider.MetaLeads when JsonPath.Text(root, "object") == "page" => Units(root, "leadgen", MetaUnits),
            InboxProvider.WhatsApp when JsonPath.Text(root, "object") == "whatsapp_business_account" => Units(root, "messages", WhatsAppUnits),
            _ => [],
        };
        return units.Count > 1 ? units : [];
    }

    /// <summary>
    /// Every entry and change of the request: the changes of <paramref name="field"/> cut by <paramref name="cut"/>, other
    /// fields skipped (Meta's other page fields are not processed), and each piece not of the expected shape kept whole.
    /// </summary>
    private static List<JsonObject> Units(JsonObject root, string field, Func<JsonObject, JsonObject, JsonObject, IEnumerable<JsonObject>> cut)
    {
        var units = new List<JsonObject>();
        foreach (var entry in JsonPath.Get(root, "entry") as JsonArray ?? [])
        {
            if (entry is not JsonObject entryObject)
            {
                units.Add(Request(root, entry?.DeepClone()));
                continue;
            }
            switch (JsonPath.Get(entryObject, "changes"))
            {
                case null:
                    continue;
                case JsonArray changes:
                    foreach (var change in changes)
                    {
                        if (change is not JsonObject changeObject) units.Add(Wrap(root, entryObject, new JsonArray(change?.DeepClone())));
                        else if (JsonPath.Text(changeObject, "field") == field) units.AddRange(cut(root, entryObject, changeObject));
                    }
                    break;
                case var other:
                    units.Add(Wrap(root, entryObject, other.DeepClone()));
                    break;
            }
        }
        return units;
    }

    /// <summary>One item per <c>leadgen</c> change.</summary>
    private static IEnumerable<JsonObject> MetaUnits(JsonObject root, JsonObject entry, JsonObject change) =>
        [Wrap(root, entry, new JsonArray(change.DeepClone()))];

    /// <summary>
    /// One item per message and per status of a <c>messages</c> change; a change with neither, or whose lists are not
    /// arrays, stays one item, so its fault still shows.
    /// </summary>
    private static IEnumerable<JsonObject> WhatsAppUnits(JsonObject root, JsonObject entry, JsonObject change)
    {
        if (JsonPath.Get(change, "value") is not JsonObject value
            || value["messages"] is not (null or JsonArray) || value["statuses"] is not (null or JsonArray)
            || (value["messages"] is not JsonArray { Count: > 0 } && value["statuses"] is not JsonArray { Count: > 0 }))
        {
            yield return Wrap(root, entry, new JsonArray(change.DeepClone()));
            yield break;
        }
        foreach (var list in new[] { "messages", "statuses" })
        foreach (var unit in value[list] as JsonArray ?? [])
        {
            var one = new JsonObject();
            foreach (var (name, node) in value)
                if (name is not ("messages" or "statuses")) one[name] = node?.DeepClone();
            one[list] = new JsonArray(unit?.DeepClone());
            yield return Wrap(root, entry, new JsonArray(new JsonObject { ["field"] = JsonPath.Get(change, "field")?.DeepClone(), ["value"] = one }));
        }
    }

    /// <summary>A request of the original shape with one entry (its other members copied) holding <paramref name="changes"/>.</summary>
    private static JsonObject Wrap(JsonObject root, JsonObject entry, JsonNode changes)
    {
        var one = new JsonObject();
        foreach (var (name, node) in entry)
            if (name != "changes") one[name] = node?.DeepClone();
        one["changes"] = changes;
        return Request(root, one);
    }

    /// <summary>A request of the original shape whose only entry is <paramref name="entry"/> (which may be malformed).</summary>
    private static JsonObject Request(JsonObject root, JsonNode? entry) =>
        new() { ["object"] = root["object"]?.DeepClone(), ["entry"] = new JsonArray(entry) };
}
