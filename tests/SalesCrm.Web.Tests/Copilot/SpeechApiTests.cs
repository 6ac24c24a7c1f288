using System.Net;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Voice offline: espeak-ng speaks pt-BR and English, pocketsphinx hears English, and anything else is an honest 503.</summary>
public sealed class SpeechApiTests(InboundSqliteApp app) : IClassFixture<InboundSqliteApp>
{
    [Theory]
    [InlineData("Olá Maria, a proposta com desconto segue hoje por WhatsApp.", "pt-BR")]
    [InlineData("Hello Maria, the discounted proposal goes out today.", "en")]
    public async Task Text_to_speech_returns_a_wav_long_enough_to_hear_the_sentence(string text, string language)
    {
        var owner = await app.RegisterAsync();
        var response = await owner.PostTtsAsync(text, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var wav = WavAudio.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(22050, wav.SampleRate);
        Assert.Equal(1, wav.Channels);
        Assert.Equal(16, wav.BitsPerSample);
        Assert.True(wav.Duration > TimeSpan.FromSeconds(2), $"a sentence lasts seconds, got {wav.Duration}");
    }

    [Fact]
    public async Task The_header_of_the_wav_states_its_true_sizes()
    {
        var owner = await app.RegisterAsync();
        var bytes = await (await owner.PostTtsAsync("Bom dia", "pt-BR")).Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        var wav = WavAudio.Read(bytes);
        Assert.Equal(bytes.Length, wav.DataOffset + wav.DataLength);
    }

    [Fact]
    public async Task Bad_text_to_speech_requests_are_problems_naming_the_field()
    {
        var owner = await app.RegisterAsync();
        (await (await owner.PostTtsAsync("", "pt-BR")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["text"]!.ToString();
        Assert.NotNull((await (await owner.PostTtsAsync(new string('a', 1001), "pt-BR")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["text"]);
        Assert.NotNull((await (await owner.PostTtsAsync("Hola", "es")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["language"]);
    }

    [Fact]
    public async Task Voice_needs_the_copilot_capability()
    {
        var owner = await app.RegisterAsync();
        var viewer = await owner.AddMemberAsync("viewer");
        await (await viewer.PostTtsAsync("Oi", "pt-BR")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await viewer.PostSttAsync(await Speech.SynthesizeAsync("hello"), "en")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Portuguese_speech_to_text_without_a_provider_is_503_stt_unavailable_never_a_made_up_text()
    {
        var owner = await app.RegisterAsync();
        var audio = await Speech.SynthesizeAsync("Olá, quanto custa a instalação?", "pt-br");
        var problem = await (await owner.PostSttAsync(audio, "pt-BR")).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, SpeechUnavailableException.SttUnavailable);
        Assert.Contains("Copilot:Speech:Stt:BaseUrl", (string?)problem["title"]);
        await (await owner.PostSttAsync(audio, null)).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, SpeechUnavailableException.SttUnavailable);
    }

    [Fact]
    public async Task English_speech_is_transcribed_offline_by_pocketsphinx()
    {
        var owner = await app.RegisterAsync();
        var audio = await Speech.SynthesizeAsync("please send me the price of the proposal tomorrow");
        var body = await (await owner.PostSttAsync(audio, "en")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("pocketsphinx", (string?)body["provider"]);
        Assert.Equal("en", (string?)body["language"]);
        var text = (string)body["text"]!;
        // pocketsphinx's general model on a synthetic voice is rough; the key words come through.
        Assert.Contains("price", text);
        Assert.Contains("tomorrow", text);
    }

    [Fact]
    public async Task Uploads_that_are_no_audio_are_refused_by_their_content()
    {
        var owner = await app.RegisterAsync();
        var html = "<html><body>not audio</body></html>"u8.ToArray();
        Assert.NotNull((await (await owner.PostSttAsync(html, "en")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["file"]);
        Assert.NotNull((await (await owner.PostSttAsync([], "en")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR"))["errors"]!["file"]);
        var json = await owner.Client.PostAsync("/api/v1/copilot/stt", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await json.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_portuguese_voice_note_cannot_be_transcribed_offline_and_keeps_no_transcript()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var (leadId, messageId) = await VoiceNotes.ReceiveAsync(app, owner, phoneNumberId, await Speech.SynthesizeAsync("Oi, tudo bem?", "pt-br"));
        await (await owner.TranscribeAsync(leadId, messageId, "pt-BR")).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, SpeechUnavailableException.SttUnavailable);
        var message = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!;
        Assert.Null(message["transcript"]);
    }

    [Fact]
    public async Task An_english_voice_note_is_transcribed_offline_and_its_transcript_stays_on_the_message()
    {
        var (owner, phoneNumberId) = await WhatsAppWebhook.ConnectAsync(app);
        var (leadId, messageId) = await VoiceNotes.ReceiveAsync(app, owner, phoneNumberId, await Speech.SynthesizeAsync("please send me the price of the proposal tomorrow"));
        var transcribed = await (await owner.TranscribeAsync(leadId, messageId, "en")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("price", (string)transcribed["transcript"]!);
        var message = (await owner.GetJsonAsync($"/api/v1/leads/{leadId}/messages"))["items"]![0]!;
        Assert.Equal((string?)transcribed["transcript"], (string?)message["transcript"]);
    }
}

/// <summary>Without espeak-ng and pocketsphinx, and without providers, voice says so with stable codes.</summary>
public sealed class MissingSpeechEnginesTests(NoSpeechEnginesApp app) : IClassFixture<NoSpeechEnginesApp>
{
    [Fact]
    public async Task Text_to_speech_without_espeak_ng_is_503_tts_unavailable()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.PostTtsAsync("Bom dia", "pt-BR")).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, SpeechUnavailableException.TtsUnavailable);
        Assert.Contains("espeak-ng", (string?)problem["title"]);
    }

    [Fact]
    public async Task English_speech_to_text_without_pocketsphinx_is_503_stt_unavailable()
    {
        var owner = await app.RegisterAsync();
        await (await owner.PostSttAsync(await Speech.SynthesizeAsync("hello there"), "en")).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, SpeechUnavailableException.SttUnavailable);
    }
}
