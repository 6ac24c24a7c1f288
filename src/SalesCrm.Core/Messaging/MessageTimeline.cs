using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// A WhatsApp message on its lead's timeline: one entry per message, received, sent or seeded, written with the message so
/// it counts for the lead's engagement and recency (its score) as any other customer contact does.
/// </summary>
public static class MessageTimeline
{
    /// <summary>
    /// The <see cref="InteractionType.Whatsapp"/> entry for <paramref name="message"/>, dated when the message happened,
    /// by <paramref name="authorName"/> (the customer for inbound, the rep for outbound). Media and other kinds are named in
    /// brackets (<c>[location] Av. Paulista</c>).
    /// </summary>
    public static Interaction EntryFor(Message message, Guid? authorId, string? authorName) => new()
    {
        TenantId = message.TenantId, LeadId = message.LeadId, Type = InteractionType.Whatsapp, AuthorId = authorId, AuthorName = authorName,
        OccurredAt = message.CreatedAt, CreatedAt = message.StoredAt, Text = Describe(message.Type, message.Text, message.FileName),
    };

    private static string Describe(MessageType type, string? text, string? fileName) => type switch
    {
        MessageType.Text or MessageType.Template or MessageType.Interactive or MessageType.Button => text ?? "",
        _ => $"[{SnakeEnum.ToText(type)}] {text ?? fileName}".Trim(),
    };
}
