namespace SalesCrm.Core.Messaging;

public sealed record SendResult(MessageStatus Status, string? ProviderMessageId, string? Error);
