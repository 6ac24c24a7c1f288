using System.Text.Json.Nodes;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Messaging;
using static SalesCrm.Core.Inbox.JsonPath;

namespace SalesCrm.Core.Integrations;

/// <summary>
/// Reads the pieces of Meta's WhatsApp Cloud API webhook payload that the CRM keeps. Every <c>messages[].type</c> is
/// handled on purpose (Cloud API webhook reference, "messages" field):
/// <code>
/// type                          | what it is                                   | what the CRM does
/// ------------------------------+----------------------------------------------+------------------------------------------------
/// text, image, audio, video,    | the customer wrote or sent it                | Customer: conversation message, unread,
///   document, sticker, location |                                              |   last message, whatsapp.received
/// interactive (button_reply,    | the customer tapped a reply button or a list | Customer, the tapped title as its text
///   list_reply, nfm_reply)      |   row, or submitted a flow                   |
/// button                        | a quick-reply button of our template         | Customer, the button text
/// contacts                      | the customer shared contact cards            | Customer, the names and phones as text
/// order                         | the customer sent a cart from our catalog    | Customer, the items as text
/// unsupported / unknown         | the customer sent something the Cloud API    | Customer, type unsupported, with Meta's error
///   (with errors[])             |   cannot show (poll, view-once, edit...)     |   title: a rep must look at the phone
/// ephemeral                     | a disappearing message, content withheld     | Customer, type unsupported, saying so
/// reaction                      | an emoji on an earlier message; an empty or  | Reaction: set on (or cleared from) the message
///                               |   missing emoji removes it                   |   it names; no unread, no last message, no event;
///                               |                                              |   ignored when that message is unknown
/// system                        | WhatsApp's notice (user_changed_number...)   | Notice: timeline note on the known lead only
/// request_welcome               | the customer opened the chat, wrote nothing  | Ignored
/// anything else                 | a type newer than this table                 | Customer, type unsupported "(type)": never lost
/// </code>
/// A malformed entry (a null message, no <c>id</c> or <c>from</c>, a reaction without its object) is a
/// <see cref="MalformedItemException"/> naming its path: the item fails at once, since retrying cannot mend it. A status
/// without an <c>id</c> matches no message and is ignored, like a status for an id we never sent. Fields of the wrong
/// kind inside a message's content read as missing (<see cref="JsonPath"/>), so they never throw.
/// </summary>
public static class WhatsAppPayload
{
    /// <summary>What a <c>messages[]</c> entry is, by its <c>type</c> (see the table above).</summary>
    public static InboundMessageKind KindOf(JsonNode message) => Text(message, "type") switch
    {
        "reaction" => InboundMessageKind.Reaction,
        "system" => InboundMessageKind.Notice,
        "request_welcome" => InboundMessageKind.Ignored,
        _ => InboundMessageKind.Customer,
    };

    /// <summary>
    /// A <c>type: reaction</c> entry at <paramref name="path"/>: its own id, the sender's <c>wa_id</c>, the <c>wamid</c> it
    /// reacts to, and the emoji (null when removed). A missing id, sender, reaction object or message_id is a
    /// <see cref="MalformedItemException"/>.
    /// </summary>
    public static (string Id, string From, string MessageId, string? Emoji) ParseReaction(JsonObject message, string path)
    {
        var id = RequireText(message, path, "id");
        var from = RequireText(message, path, "from");
        var reaction = RequireObject(Get(message, "reaction"), $"{path}.reaction");
        var target = RequireText(reaction, $"{path}.reaction", "message_id");
        var emoji = Text(reaction, "emoji");
        return (id, from, target, string.IsNullOrEmpty(emoji) ? null : emoji);
    }

    /// <summary>A customer message or notice at <paramref name="path"/>; no id or sender is a <see cref="MalformedItemException"/>.</summary>
    public static InboundMessage ParseMessage(JsonObject message, string path, IReadOnlyDictionary<string, string?> names)
    {
        var id = RequireText(message, path, "id");
        var from = RequireText(message, path, "from");
        var type = Text(message, "type") ?? "unsupported";
        var sentAt = long.TryParse(Text(message, "timestamp"), out var unix) && unix is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : DateTime.UtcNow;
        var body = Get(message, type);
        string? Str(JsonNode? node, string key) => Text(node, key);
        (MessageType kind, string? text, string? mediaId, string? mime, string? file, double? lat, double? lon) = type switch
        {
            "text" => (MessageType.Text, Str(body, "body"), (string?)null, (string?)null, (string?)null, (double?)null, (double?)null),
            "image" => (MessageType.Image, Str(body, "caption"), Str(body, "id"), Str(body, "mime_type"), null, null, null),
            "audio" => (MessageType.Audio, null, Str(body, "id"), Str(body, "mime_type"), null, null, null),
            "video" => (MessageType.Video, Str(body, "caption"), Str(body, "id"), Str(body, "mime_type"), null, null, null),
            "sticker" => (MessageType.Sticker, null, Str(body, "id"), Str(body, "mime_type"), null, null, null),
            "document" => (MessageType.Document, Str(body, "caption"), Str(body, "id"), Str(body, "mime_type"), Str(body, "filename"), null, null),
            "location" => (MessageType.Location, string.Join(" — ", new[] { Str(body, "name"), Str(body, "address") }.Where(s => s is not null)),
                null, null, null, double.TryParse(Str(body, "latitude"), System.Globalization.CultureInfo.InvariantCulture, out var la) ? la : null,
                double.TryParse(Str(body, "longitude"), System.Globalization.CultureInfo.InvariantCulture, out var lo) ? lo : null),
            "interactive" => (MessageType.Interactive, Str(Get(body, "button_reply"), "title") ?? Str(Get(body, "list_reply"), "title") ?? Str(Get(body, "nfm_reply"), "body"), null, null, null, null, null),
            "button" => (MessageType.Button, Str(body, "text"), null, null, null, null, null),
            "contacts" => (MessageType.Contacts, Contacts(Get(message, "contacts")), null, null, null, null, null),
            "order" => (MessageType.Order, Order(body), null, null, null, null, null),
            "system" => (MessageType.Unsupported, Str(body, "body"), null, null, null, null, null),
            "ephemeral" => (MessageType.Unsupported, "(ephemeral: a disappearing message; WhatsApp does not share its content)", null, null, null, null, null),
            _ => (MessageType.Unsupported, Errors(message) is { } error ? $"({type}: {error})" : $"({type})", null, null, null, null, null),
        };
        // The content the type promises must be there: a text without its body, or media without its id, is no message.
        if (kind == MessageType.Text && string.IsNullOrEmpty(text)) throw new MalformedItemException($"{path}.text.body", "is missing");
        if (kind is MessageType.Image or MessageType.Audio or MessageType.Video or MessageType.Sticker or MessageType.Document && mediaId is null)
            throw new MalformedItemException($"{path}.{type}.id", "is missing");
        if (kind == MessageType.Location && (lat is null || lon is null)) throw new MalformedItemException($"{path}.location", "has no numeric latitude and longitude");
        // A document's name is shown and offered as a download name: keep the name, never a path.
        if (file is not null) file = file[(file.LastIndexOfAny(['/', '\\']) + 1)..] is { Length: > 0 } name ? name : null;
        return new InboundMessage(id, from, names.GetValueOrDefault(from), kind, text, mediaId, mime, file, lat, lon, sentAt, KindOf(message));
    }

    /// <summary>Shared contact cards as "Name (phone, phone)", one per line.</summary>
    private static string Contacts(JsonNode? cards) => string.Join("\n", (cards as JsonArray ?? []).Select(c =>
    {
        var name = Text(Get(c, "name"), "formatted_name") ?? Text(Get(c, "name"), "first_name") ?? "?";
        var phones = Array(c, "phones").Select(p => Text(p, "phone")).Where(p => p is not null).ToList();
        return phones.Count > 0 ? $"{name} ({string.Join(", ", phones)})" : name;
    }));

    /// <summary>A catalog order as "quantity × product (price currency)" per item, then the customer's note.</summary>
    private static string Order(JsonNode? order)
    {
        var items = Array(order, "product_items").Select(i => $"{Text(i, "quantity")} × {Text(i, "product_retailer_id")} ({Text(i, "item_price")} {Text(i, "currency")})");
        var text = Text(order, "text");
        return string.Join("\n", text is null ? items : items.Append(text));
    }

    /// <summary>Meta's reason for an unsupported message (<c>errors[0].title</c>, e.g. "Message type unknown").</summary>
    private static string? Errors(JsonNode message) =>
        Array(message, "errors").FirstOrDefault() is { } e ? Text(Get(e, "error_data"), "details") ?? Text(e, "title") ?? Text(e, "message") : null;

    /// <summary>
    /// A delivery status for an outbound message; null for a status the CRM does not track (Meta also sends e.g.
    /// <c>deleted</c> and <c>warning</c>), which is skipped rather than failing the rest of the request, and null for a
    /// status without an <c>id</c>, which can match no message (ignored like one for an id we never sent).
    /// </summary>
    public static (string Wamid, MessageStatus Status, string? Error, DateTime At)? ParseStatus(JsonObject status)
    {
        if (Text(status, "id") is not { Length: > 0 } id) return null;
        MessageStatus? known = Text(status, "status") switch
        {
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => null,
        };
        if (known is not { } state) return null;
        var error = Array(status, "errors").FirstOrDefault() is { } e ? $"{Text(e, "code")}: {Text(e, "title") ?? Text(e, "message")}" : null;
        var at = long.TryParse(Text(status, "timestamp"), out var unix) && unix is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : DateTime.UtcNow;
        return (id, state, error, at);
    }
}
