using System.Text.Json.Nodes;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Cuts a stored Meta or WhatsApp request into its items, so that each is processed, retried and failed on its own: one
/// bad message, or one workspace's expired page token, never holds back the rest of the request.
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
    /// processed as it is (the common case of one item copies nothing).
    /// </summary>
    public static List<JsonObject> Items(InboxProvider provider, JsonObject root) => provider switch
    {
        InboxProvider.MetaLeads when JsonPath.Text(root, "object") == "page" && MetaCount(root) > 1 => Meta(root),
        InboxProvider.WhatsApp when JsonPath.Text(root, "object") == "whatsapp_business_account" && WhatsAppCount(root) > 1 => WhatsApp(root),
        _ => [],
    };

    private static int MetaCount(JsonObject root) =>
        Objects(JsonPath.Get(root, "entry")).Sum(entry => Objects(JsonPath.Get(entry, "changes")).Count(c => JsonPath.Text(c, "field") == "leadgen"));

    private static int WhatsAppCount(JsonObject root) =>
        Objects(JsonPath.Get(root, "entry")).Sum(entry => Objects(JsonPath.Get(entry, "changes")).Where(c => JsonPath.Text(c, "field") == "messages")
            .Sum(c => Math.Max(1, Length(JsonPath.Get(JsonPath.Get(c, "value"), "messages")) + Length(JsonPath.Get(JsonPath.Get(c, "value"), "statuses")))));

    private static int Length(JsonNode? node) => node is JsonArray array ? array.Count : 0;

    /// <summary>One item per <c>leadgen</c> change (Meta's other fields are not processed).</summary>
    private static List<JsonObject> Meta(JsonObject root)
    {
        var items = new List<JsonObject>();
        foreach (var entry in Objects(JsonPath.Get(root, "entry")))
        foreach (var change in Objects(JsonPath.Get(entry, "changes")).Where(c => JsonPath.Text(c, "field") == "leadgen"))
            items.Add(Wrap(root, entry, change.DeepClone()));
        return items;
    }

    /// <summary>One item per message and per status of each <c>messages</c> change; a change with neither stays one item, so its fault still shows.</summary>
    private static List<JsonObject> WhatsApp(JsonObject root)
    {
        var items = new List<JsonObject>();
        foreach (var entry in Objects(JsonPath.Get(root, "entry")))
        foreach (var change in Objects(JsonPath.Get(entry, "changes")).Where(c => JsonPath.Text(c, "field") == "messages"))
        {
            if (JsonPath.Get(change, "value") is not JsonObject value || (value["messages"] is not JsonArray { Count: > 0 } && value["statuses"] is not JsonArray { Count: > 0 }))
            {
                items.Add(Wrap(root, entry, change.DeepClone()));
                continue;
            }
            foreach (var list in new[] { "messages", "statuses" })
            foreach (var unit in value[list] as JsonArray ?? [])
            {
                var one = new JsonObject();
                foreach (var (name, node) in value)
                    if (name is not ("messages" or "statuses")) one[name] = node?.DeepClone();
                one[list] = new JsonArray(unit?.DeepClone());
                items.Add(Wrap(root, entry, new JsonObject { ["field"] = JsonPath.Get(change, "field")?.DeepClone(), ["value"] = one }));
            }
        }
        return items;
    }

    /// <summary>A request of the original shape with one entry holding one change.</summary>
    private static JsonObject Wrap(JsonObject root, JsonObject entry, JsonNode change)
    {
        var one = new JsonObject();
        foreach (var (name, node) in entry)
            if (name != "changes") one[name] = node?.DeepClone();
        one["changes"] = new JsonArray(change);
        return new JsonObject { ["object"] = root["object"]?.DeepClone(), ["entry"] = new JsonArray(one) };
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonObject>();
}
