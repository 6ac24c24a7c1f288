using SalesCrm.Core.Data;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// A conversation message; <paramref name="Reaction"/> is the customer's emoji on it, if any; <paramref name="Triage"/> the
/// inbound triage (null for outbound and media without text); <paramref name="Transcript"/> what a transcribed voice note says;
/// <paramref name="SentByBot"/> marks an outbound message a workflow's bot sent. Times are UTC.
/// </summary>
public sealed record MessageDto(Guid Id, Guid LeadId, MessageDirection Direction, MessageType Type, string? Text, string Status, string? ProviderMessageId,
    string? MediaMimeType, string? FileName, double? Latitude, double? Longitude, string? Error, DateTime CreatedAt, DateTime? StatusAt, string? Reaction = null,
    Copilot.MessageTriage? Triage = null, string? Transcript = null, bool SentByBot = false)
{
    public static MessageDto From(Message m) => new(m.Id, m.LeadId, m.Direction, m.Type, m.Text, SnakeEnum.ToText(m.Status), m.ProviderMessageId, m.MediaMimeType,
        m.FileName, m.Latitude, m.Longitude, m.Error, m.CreatedAt, m.StatusAt, m.Reaction, TriageOf(m), m.Transcript, m.WorkflowRunId is not null);

    private static Copilot.MessageTriage? TriageOf(Message m) => m is { Sentiment: { } sentiment, Urgency: { } urgency, Intent: { } intent }
        ? new(sentiment, urgency, intent, m.TriageProvider ?? Copilot.MessageTriage.LexiconProvider)
        : null;
}
