using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>Tells open pages that a workspace's conversations were read (new messages arrive as <c>whatsapp.received</c> events).</summary>
public sealed class ConversationActivity : TenantSignal;
