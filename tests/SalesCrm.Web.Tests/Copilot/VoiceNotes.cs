using System.Net;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>A WhatsApp voice note received on a new lead of a workspace with a connected number, its audio served by the Graph stub.</summary>
public static class VoiceNotes
{
    /// <summary>Posts a voice note from a new sender whose audio is <paramref name="audio"/>; returns the lead and message ids once stored.</summary>
    public static async Task<(string LeadId, string MessageId)> ReceiveAsync(InboundAppBase app, Session owner, string phoneNumberId, byte[] audio, string mimeType = "audio/ogg; codecs=opus")
    {
        var mediaId = $"VOICE{Guid.NewGuid():N}";
        app.Graph.Media[mediaId] = (audio, mimeType);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var note = WhatsAppWebhook.Message($"wamid.{mediaId}", from, "audio", new JsonObject { ["mime_type"] = mimeType, ["id"] = mediaId, ["voice"] = true });
        await WhatsAppWebhook.PostAsync(app, WhatsAppWebhook.Payload(phoneNumberId, new JsonArray(note), contacts: WhatsAppWebhook.Contact(from, "Cliente Áudio")));
        var leads = await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1);
        var leadId = (string)leads["items"]![0]!["id"]!;
        var messages = await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1);
        return (leadId, (string)messages["items"]![0]!["id"]!);
    }

    public static Task<HttpResponseMessage> TranscribeAsync(this Session session, string leadId, string messageId, string language) =>
        session.Client.PostAsync($"/api/v1/leads/{leadId}/messages/{messageId}/transcribe",
            new StringContent($"{{\"language\":\"{language}\"}}", System.Text.Encoding.UTF8, "application/json"));
}
