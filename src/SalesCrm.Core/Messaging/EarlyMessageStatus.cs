using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// A delivery status that arrived for a <c>wamid</c> no message carries yet. The Cloud API can report a message's
/// status before its answer to our send call (which gives us the <c>wamid</c>) has come back; such a status is kept here
/// and applied as soon as a message gets that id. Statuses for ids we never sent stay here unused and are purged after
/// <see cref="InboundMessageService.EarlyStatusLifetime"/>.
/// </summary>
public sealed class EarlyMessageStatus : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string ProviderMessageId { get; set; }
    public MessageStatus Status { get; set; }
    public string? Error { get; set; }
    /// <summary>WhatsApp's timestamp of the status (UTC, whole seconds).</summary>
    public DateTime At { get; set; }
    /// <summary>When this server received it (UTC); the purge goes by it.</summary>
    public DateTime ReceivedAt { get; set; }
}
