using SalesCrm.Core.Data;

namespace SalesCrm.Core.Messaging;

/// <summary>A conversation message; <paramref name="Reaction"/> is the customer's emoji on it, if any. Times are UTC.</summary>
public sealed record MessageDto(Guid Id, Guid LeadId, MessageDirection Direction, MessageType Type, string? Text, string Status, string? ProviderMessageId,
    string? MediaMimeType, string? FileName, double? Latitude, double? Longitude, string? Error, DateTime CreatedAt, DateTime? StatusAt, string? Reaction = null)
{
    public static MessageDto From(Message m) => new(m.Id, m.LeadId, m.Direction, m.Type, m.Text, SnakeEnum.ToText(m.Status), m.ProviderMessageId, m.MediaMimeType,
        m.FileName, m.Latitude, m.Longitude, m.Error, m.CreatedAt, m.StatusAt, m.Reaction);
}
