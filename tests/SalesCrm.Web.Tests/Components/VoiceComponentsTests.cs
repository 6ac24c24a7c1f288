using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Features.Copilot;

namespace SalesCrm.Web.Tests.Components;

/// <summary>
/// The voice components the copilot panel embeds: the recorder hands the browser's recording to speech-to-text and the
/// transcript to its parent; the speak button streams synthesized audio to the browser; failures are said, not thrown.
/// </summary>
public class VoiceComponentsTests
{
    private sealed class FakeSpeechToText : ISpeechToText
    {
        public Func<byte[], string?, Transcript> Answer { get; set; } = (_, language) => new Transcript("quero agendar uma visita", language ?? "pt-BR", "whisper");
        public List<(byte[] Audio, string? Language)> Calls { get; } = [];

        public Task<Transcript> TranscribeAsync(byte[] audio, string? language, CancellationToken ct = default)
        {
            Calls.Add((audio, language));
            return Task.FromResult(Answer(audio, language));
        }
    }

    private sealed class FakeTextToSpeech : ITextToSpeech
    {
        public Exception? Failure { get; set; }
        public List<(string? Text, string? Language)> Calls { get; } = [];

        public Task<SpeechAudio> SynthesizeAsync(string? text, string? language, CancellationToken ct = default)
        {
            Calls.Add((text, language));
            return Failure is null ? Task.FromResult(new SpeechAudio(WavAudio.Pcm16Wav(new byte[3200], 16000, 1), "audio/wav", "espeak-ng")) : Task.FromException<SpeechAudio>(Failure);
        }
    }

    private static readonly byte[] Recording = WavAudio.Pcm16Wav(new byte[6400], 16000, 1);

    private static (BunitContext Ctx, BunitJSModuleInterop Module) NewContext(ISpeechToText? stt = null, ITextToSpeech? tts = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var module = ctx.JSInterop.SetupModule("./lib/app/app.js");
        module.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        if (stt is not null) ctx.Services.AddSingleton(stt);
        if (tts is not null) ctx.Services.AddSingleton(tts);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        return (ctx, module);
    }

    [Fact]
    public async Task Recording_then_stopping_transcribes_the_browsers_audio_and_hands_the_text_to_the_parent()
    {
        using var culture = new CultureScope("pt-BR");
        var stt = new FakeSpeechToText();
        var (ctx, module) = NewContext(stt);
        await using var _ = ctx;
        module.Setup<bool>("startRecording", _ => true).SetResult(true);
        module.Setup<Microsoft.JSInterop.IJSStreamReference?>("stopRecording", _ => true).SetResult(new StreamReference(Recording));
        string? received = null;
        var cut = ctx.Render<VoiceNoteRecorder>(p => p.Add(c => c.OnTranscribed, (string text) => received = text));

        await cut.Find("[data-testid=voice-record]").ClickAsync(new());
        Assert.Equal(RecorderState.Recording, cut.Instance.State);
        await cut.Find("[data-testid=voice-stop]").ClickAsync(new());

        Assert.Equal("quero agendar uma visita", received);
        Assert.Equal(RecorderState.Idle, cut.Instance.State);
        Assert.Equal(Recording, stt.Calls.Single().Audio);
        Assert.Equal("pt-BR", stt.Calls.Single().Language); // the reader's language unless the parent says otherwise
        Assert.Empty(cut.FindAll("[data-testid=voice-error]"));
    }

    [Fact]
    public async Task Without_a_microphone_the_recorder_says_so_and_never_transcribes()
    {
        using var culture = new CultureScope("en");
        var stt = new FakeSpeechToText();
        var (ctx, module) = NewContext(stt);
        await using var _ = ctx;
        module.Setup<bool>("startRecording", _ => true).SetResult(false);
        var cut = ctx.Render<VoiceNoteRecorder>();
        await cut.Find("[data-testid=voice-record]").ClickAsync(new());
        Assert.Equal(RecorderState.Idle, cut.Instance.State);
        Assert.Contains("microphone", cut.Find("[data-testid=voice-error]").TextContent);
        Assert.Empty(stt.Calls);
    }

    [Fact]
    public async Task When_transcription_is_unavailable_the_recorder_explains_it_and_passes_no_text_on()
    {
        using var culture = new CultureScope("pt-BR");
        var stt = new FakeSpeechToText { Answer = (_, _) => throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable, "no") };
        var (ctx, module) = NewContext(stt);
        await using var _ = ctx;
        module.Setup<bool>("startRecording", _ => true).SetResult(true);
        module.Setup<Microsoft.JSInterop.IJSStreamReference?>("stopRecording", _ => true).SetResult(new StreamReference(Recording));
        var calls = 0;
        var cut = ctx.Render<VoiceNoteRecorder>(p => p.Add(c => c.Language, "pt-BR").Add(c => c.OnTranscribed, (string _) => calls++));
        await cut.Find("[data-testid=voice-record]").ClickAsync(new());
        await cut.Find("[data-testid=voice-stop]").ClickAsync(new());
        Assert.Equal(0, calls);
        Assert.Contains("Transcrição indisponível", cut.Find("[data-testid=voice-error]").TextContent);
        Assert.Equal(RecorderState.Idle, cut.Instance.State);
    }

    [Fact]
    public async Task The_speak_button_streams_the_synthesized_audio_to_the_browser_in_the_given_language()
    {
        using var culture = new CultureScope("pt-BR");
        var tts = new FakeTextToSpeech();
        var (ctx, module) = NewContext(tts: tts);
        await using var _ = ctx;
        var cut = ctx.Render<SpeakButton>(p => p.Add(c => c.Text, "Bom dia, Maria").Add(c => c.Language, "en"));
        await cut.Find("[data-testid=speak-button]").ClickAsync(new());
        Assert.Equal(("Bom dia, Maria", "en"), tts.Calls.Single());
        var play = Assert.Single(module.Invocations, i => i.Identifier == "playAudio");
        Assert.Equal("audio/wav", play.Arguments[1]);
        Assert.Equal(1, cut.Instance.Played);
    }

    [Fact]
    public async Task Without_a_speech_engine_the_speak_button_plays_nothing_and_says_why()
    {
        using var culture = new CultureScope("en");
        var tts = new FakeTextToSpeech { Failure = new SpeechUnavailableException(SpeechUnavailableException.TtsUnavailable, "no espeak") };
        var (ctx, module) = NewContext(tts: tts);
        await using var _ = ctx;
        var cut = ctx.Render<SpeakButton>(p => p.Add(c => c.Text, "Hello"));
        await cut.Find("[data-testid=speak-button]").ClickAsync(new());
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "playAudio");
        Assert.Equal(0, cut.Instance.Played);
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message?.Contains("Reading aloud is not available") == true);
        Assert.Equal("en", tts.Calls.Single().Language);
    }

    [Fact]
    public async Task The_speak_button_is_disabled_without_text()
    {
        var (ctx, _) = NewContext(tts: new FakeTextToSpeech());
        await using var __ = ctx;
        var cut = ctx.Render<SpeakButton>(p => p.Add(c => c.Text, "  "));
        Assert.True(cut.Find("[data-testid=speak-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Triage_chips_show_the_labels_in_the_readers_language()
    {
        using var culture = new CultureScope("pt-BR");
        var (ctx, _) = NewContext();
        await using var __ = ctx;
        var cut = ctx.Render<TriageChips>(p => p.Add(c => c.Triage, new MessageTriage(MessageSentiment.Negative, MessageUrgency.High, MessageIntent.PriceObjection, "lexicon")));
        Assert.Contains("Negativo", cut.Find("[data-testid=triage-sentiment]").TextContent);
        Assert.Contains("Urgente", cut.Find("[data-testid=triage-urgency]").TextContent);
        Assert.Contains("Objeção de preço", cut.Find("[data-testid=triage-intent]").TextContent);
        Assert.Empty(ctx.Render<TriageChips>().FindAll("[data-testid=triage-chips]"));
    }

    /// <summary>What JS hands .NET for a returned Uint8Array.</summary>
    private sealed class StreamReference(byte[] bytes) : Microsoft.JSInterop.IJSStreamReference
    {
        public long Length => bytes.Length;
        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Stream>(new MemoryStream(bytes));
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
