using System.Text.Json.Nodes;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Webhooks;

/// <summary>Reads the pieces of Meta's WhatsApp Cloud API webhook payload that the CRM keeps.</summary>
public static class WhatsAppPayload
{
    public static InboundMessage ParseMessage(JsonNode message, IReadOnlyDictionary<string, string?> names)
    {
        var id = message["id"]?.ToString() ?? throw new InvalidDataException("A message has no id.");
        var from = message["from"]?.ToString() ?? throw new InvalidDataException($"Message {id} has no sender.");
        var type = message["type"]?.ToString() ?? "unsupported";
        var sentAt = long.TryParse(message["timestamp"]?.ToString(), out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : DateTime.UtcNow;
        var body = message[type];
        string? Str(JsonNode? node, string key) => node?[key]?.ToString();
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
            "interactive" => (MessageType.Interactive, Str(body?["button_reply"], "title") ?? Str(body?["list_reply"], "title"), null, null, null, null, null),
            "button" => (MessageType.Button, Str(body, "text"), null, null, null, null, null),
            _ => (MessageType.Unsupported, $"({type})", null, null, null, null, null),
        };
        return new InboundMessage(id, from, names.GetValueOrDefault(from), kind, text, mediaId, mime, file, lat, lon, sentAt);
    }

    /// <summary>
    /// A delivery status for an outbound message; null for a status the CRM does not track (Meta also sends e.g.
    /// <c>deleted</c> and <c>warning</c>), which is skipped rather than failing the rest of the request.
    /// </summary>
    public static (string Wamid, MessageStatus Status, string? Error, DateTime At)? ParseStatus(JsonNode status)
    {
        var id = status["id"]?.ToString() ?? throw new InvalidDataException("A status has no id.");
        MessageStatus? known = status["status"]?.ToString() switch
        {
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => null,
        };
        if (known is not { } state) return null;
        var error = status["errors"]?.AsArray().FirstOrDefault() is { } e ? $"{e["code"]}: {e["title"] ?? e["message"]}" : null;
        var at = long.TryParse(status["timestamp"]?.ToString(), out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : DateTime.UtcNow;
        return (id, state, error, at);
    }
}
