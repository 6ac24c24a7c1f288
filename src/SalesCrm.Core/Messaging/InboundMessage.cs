namespace SalesCrm.Core.Messaging;

/// <summary>An inbound WhatsApp message as parsed from the Cloud API payload; <paramref name="Kind"/> says whether it is a customer message.</summary>
public sealed record InboundMessage(string ProviderMessageId, string FromPhone, string? ProfileName, MessageType Type, string? Text,
    string? MediaId, string? MediaMimeType, string? FileName, double? Latitude, double? Longitude, DateTime SentAt,
    InboundMessageKind Kind = InboundMessageKind.Customer);
