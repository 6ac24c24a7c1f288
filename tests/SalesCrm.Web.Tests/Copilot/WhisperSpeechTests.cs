using System.Net;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Speech to text through a configured Whisper-compatible endpoint (a local stub), and voice notes transcribed through it.</summary>
public sealed class WhisperSpeechTests(WhisperApp app) : IClassFixture<WhisperApp>
{
    [Fact]
    public async Task Portuguese_audio_goes_to_the_whisper_endpoint_with_its_language_model_and_key()
    {
        var owner = await app.RegisterAsync();
        var audio = await Speech.SynthesizeAsync("Olá, achei caro", "pt-br");
        var body = await (await owner.PostSttAsync(audio, "pt-BR")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(app.Whisper.Answer, (string?)body["text"]);
        Assert.Equal("whisper", (string?)body["provider"]);
        var call = app.Whisper.Calls.Last();
        Assert.Equal(("whisper-1", "pt", "Bearer sk-whisper-test"), (call.Model, call.Language, call.Authorization));
        Assert.Equal(audio, call.Audio);
    }

    [Fact]
    public async Task Text_to_speech_goes_to_the_configured_provider_when_there_is_one()
    {
        var owner = await app.RegisterAsync();
        var response = await owner.PostTtsAsync("Olá, tudo bem?", "pt-BR");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(app.Whisper.SpeechAudio, await response.Content.ReadAsByteArrayAsync());
        var sent = app.Whisper.SpeechRequests.Last();
        Assert.Equal(("tts-1", "Olá, tudo bem?", "nova", "wav"), (sent.GetProperty("model").GetString(), sent.GetProperty("input").GetString(), sent.GetProperty("voice").GetString(), sent.GetProperty("response_format").GetString()));
    }

    [Fact]
    public async Task A_voice_note_is_transcribed_kept_on_the_message_and_triaged_from_its_words()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var ogg = "OggS"u8.ToArray().Concat(new byte[400]).ToArray(); // WhatsApp voice notes are Ogg/Opus; Whisper reads them, the stub only stores them
        var (leadId, messageId) = await VoiceNotes.ReceiveAsync(app, owner, phoneNumberId, ogg);
        var before = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!;
        Assert.Null(before["transcript"]);
        Assert.Null(before["triage"]); // a voice note has no text to triage until it is transcribed

        var transcribed = await (await owner.TranscribeAsync(leadId, messageId, "pt-BR")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(app.Whisper.Answer, (string?)transcribed["transcript"]);
        Assert.Equal(ogg, app.Whisper.Calls.Last().Audio);
        Assert.Equal(".ogg", Path.GetExtension(app.Whisper.Calls.Last().FileName));
        var message = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!;
        Assert.Equal(app.Whisper.Answer, (string?)message["transcript"]);
        Assert.Equal("price_objection", (string?)message["triage"]!["intent"]);
        var timeline = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/interactions?type=whatsapp"))["items"]!.AsArray();
        Assert.Equal($"[audio] {app.Whisper.Answer}", (string?)Assert.Single(timeline)!["text"]);
    }

    [Fact]
    public async Task Another_workspace_cannot_transcribe_a_voice_note_nor_learn_that_it_exists()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var (leadId, messageId) = await VoiceNotes.ReceiveAsync(app, owner, phoneNumberId, "OggS"u8.ToArray().Concat(new byte[100]).ToArray());
        var calls = app.Whisper.Calls.Count;
        var stranger = await app.RegisterAsync();
        await (await stranger.TranscribeAsync(leadId, messageId, "pt-BR")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(calls, app.Whisper.Calls.Count);
        Assert.Null((await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!["transcript"]);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_own_leads_cannot_transcribe_a_colleagues_voice_note()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var (leadId, messageId) = await VoiceNotes.ReceiveAsync(app, owner, phoneNumberId, "OggS"u8.ToArray().Concat(new byte[100]).ToArray());
        await (await owner.Client.PostAsync($"/api/v1/leads/{leadId}/assign", System.Net.Http.Json.JsonContent.Create(new { owner_id = owner.UserId }))).ExpectAsync(HttpStatusCode.OK);
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.TranscribeAsync(leadId, messageId, "pt-BR")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Only_voice_notes_are_transcribed()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var from = $"55119{Random.Shared.Next(60000000, 99999999)}";
        await WhatsAppWebhook.SendTextAsync(app, phoneNumberId, from, "Oi", "Cliente Texto");
        var leadId = (string)(await Eventually.GetAsync(owner, $"/api/v1/leads?phone=eq.%2B{from}", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        var messageId = (string)(await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1))["items"]![0]!["id"]!;
        await (await owner.TranscribeAsync(leadId, messageId, "pt-BR")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
