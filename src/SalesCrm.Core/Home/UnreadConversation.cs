namespace SalesCrm.Core.Home;

/// <summary>A lead whose WhatsApp messages wait to be read: how many, and when the latest arrived (UTC).</summary>
public sealed record UnreadConversation(Guid LeadId, string LeadName, int Unread, DateTime LastAt);
