using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The "transcribe" action on a WhatsApp voice note: its audio (<see cref="ConversationService.OpenMediaAsync"/>, so
/// only members who may see the lead reach it) through <see cref="ISpeechToText"/>, the transcript kept on the message
/// and on its timeline entry, and triaged when the note had no triage yet.
/// </summary>
public sealed class VoiceNoteTranscriber(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ConversationService conversations, ISpeechToText speech,
    MessageTriageService triage, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>
    /// Transcribes the voice note <paramref name="messageId"/> of lead <paramref name="leadId"/> in <paramref name="language"/>
    /// and returns the message with its transcript. Needs <c>copilot.use</c> and sight of the lead (another workspace's or
    /// another rep's lead is <see cref="NotFoundException"/>); a message that is no audio is a
    /// <see cref="ValidationException"/>; the errors of <see cref="ISpeechToText.TranscribeAsync"/> pass through.
    /// </summary>
    public async Task<MessageDto> TranscribeAsync(Guid leadId, Guid messageId, string? language, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.CopilotUse, ct);
        var (content, _, _) = await conversations.OpenMediaAsync(leadId, messageId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.LeadId == leadId, ct) ?? throw new NotFoundException("Message", messageId);
        if (message.Type != MessageType.Audio) throw new ValidationException("message_id", "Only voice notes (audio messages) can be transcribed.");
        byte[] audio;
        await using (content)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            audio = buffer.ToArray();
        }
        var transcript = await speech.TranscribeAsync(audio, language, ct);
        var now = time.GetUtcNow().UtcDateTime;
        message.Transcript = transcript.Text;
        message.TranscribedAt = now;
        // The note's timeline entry (written with the message by MessageTimeline, same lead, times and type) shows the words too.
        var entry = await db.Interactions.FirstOrDefaultAsync(i => i.LeadId == leadId && i.Type == InteractionType.Whatsapp && i.OccurredAt == message.CreatedAt && i.CreatedAt == message.StoredAt, ct);
        if (entry is not null && transcript.Text.Length > 0) entry.Text = $"[{SnakeEnum.ToText(MessageType.Audio)}] {transcript.Text}";
        if (message.Direction == MessageDirection.Inbound && message.Sentiment is null && transcript.Text.Length > 0)
            MessageTriageService.Apply(message, await triage.TriageAsync(transcript.Text, ct));
        await db.SaveChangesAsync(ct);
        bus.Publish([new CrmEvent { TenantId = tenantId, Type = "whatsapp.transcribed", LeadId = leadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{messageId}\"}}" }]);
        return MessageDto.From(message);
    }
}
