namespace SalesCrm.Core.Messaging;

/// <summary>How the conversations list is sorted (<c>?order=latest|urgency</c>).</summary>
public enum ConversationOrder { Latest, Urgency }
