namespace SalesCrm.Core.Messaging;

/// <summary>A row of the conversations list; <paramref name="Triage"/> is that of the last triaged inbound message (null when none).</summary>
public sealed record ConversationDto(Guid LeadId, string LeadName, string? Phone, MessageDto LastMessage, int UnreadCount, Copilot.MessageTriage? Triage = null);
