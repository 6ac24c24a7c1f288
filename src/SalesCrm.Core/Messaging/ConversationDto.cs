namespace SalesCrm.Core.Messaging;

public sealed record ConversationDto(Guid LeadId, string LeadName, string? Phone, MessageDto LastMessage, int UnreadCount);
