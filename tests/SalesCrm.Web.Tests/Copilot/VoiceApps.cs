using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>The WhatsApp inbound setup with speech-to-text and text-to-speech through a local OpenAI-compatible stub.</summary>
public sealed class WhisperApp() : InboundAppBase(TestProvider.Sqlite)
{
    public WhisperStub Whisper { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [.. base.ExtraSettings(), new("Copilot:Speech:Stt:BaseUrl", Whisper.BaseUrl), new("Copilot:Speech:Stt:ApiKey", "sk-whisper-test"),
         new("Copilot:Speech:Tts:BaseUrl", Whisper.BaseUrl + "/"), new("Copilot:Speech:Tts:Voice", "nova")];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Whisper.DisposeAsync();
    }
}

/// <summary>An installation where neither espeak-ng nor pocketsphinx is installed and no provider is configured.</summary>
public sealed class NoSpeechEnginesApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Copilot:Speech:Tts:EspeakPath", "/nonexistent/espeak-ng"), new("Copilot:Speech:Stt:PocketsphinxPath", "/nonexistent/pocketsphinx_continuous"),
    ];
}
