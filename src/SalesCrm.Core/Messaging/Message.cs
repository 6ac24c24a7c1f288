using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>One WhatsApp message in a lead's conversation, in either direction.</summary>
public sealed class Message : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public MessageDirection Direction { get; set; }
    public MessageType Type { get; set; } = MessageType.Text;
    public string? Text { get; set; }
    /// <summary>Provider media id, MIME type and file name for image/audio/document messages.</summary>
    public string? MediaId { get; set; }
    public string? MediaMimeType { get; set; }
    public string? FileName { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public MessageStatus Status { get; set; }
    /// <summary>WhatsApp's <c>wamid…</c>; unique per tenant, the idempotency key for inbound messages and status updates.</summary>
    public string? ProviderMessageId { get; set; }
    public string? Error { get; set; }
    public Guid? TemplateId { get; set; }
    /// <summary>JSON array of the template's body parameters, kept so a failed send can be retried as it was.</summary>
    public string? TemplateParameters { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>When the message happened (for inbound: WhatsApp's timestamp, whole seconds).</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>When this server stored it, at full precision: orders messages that share a second.</summary>
    public DateTime StoredAt { get; set; }
    public DateTime? StatusAt { get; set; }
    /// <summary>When a rep saw an inbound message; null counts as unread.</summary>
    public DateTime? ReadAt { get; set; }
    /// <summary>The customer's emoji reaction to this message (WhatsApp <c>type: reaction</c>); null when none or removed.</summary>
    public string? Reaction { get; set; }
    /// <summary>Inbound triage (<see cref="Copilot.MessageTriageService"/>), set when the message is stored; null for outbound messages and media without text.</summary>
    public Copilot.MessageSentiment? Sentiment { get; set; }
    public Copilot.MessageUrgency? Urgency { get; set; }
    public Copilot.MessageIntent? Intent { get; set; }
    /// <summary>Who decided the triage: <c>lexicon</c> or <c>llm</c>.</summary>
    public string? TriageProvider { get; set; }
    /// <summary>What a voice note says, once a rep asked for it (<see cref="Copilot.VoiceNoteTranscriber"/>).</summary>
    public string? Transcript { get; set; }
    public DateTime? TranscribedAt { get; set; }
    /// <summary>The workflow run whose bot sent this outbound message; null when a person (or the API) sent it.</summary>
    public Guid? WorkflowRunId { get; set; }
    /// <summary>
    /// The sender's idempotency key (a workflow step's <c>IdempotencyKey</c>): a retried step finds the message it already
    /// recorded instead of sending again. Unique per workspace; null for messages sent by people.
    /// </summary>
    public string? ClientKey { get; set; }
    /// <summary>The Cloud API <c>interactive</c> object (reply buttons or a list) of an interactive message the CRM sent, kept so a retry sends it as it was.</summary>
    public string? Interactive { get; set; }
}
