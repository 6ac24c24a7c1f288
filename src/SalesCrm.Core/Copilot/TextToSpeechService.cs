using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Text to speech: an OpenAI-compatible <c>/audio/speech</c> endpoint when <c>Copilot:Speech:Tts:BaseUrl</c> is set,
/// else espeak-ng on this machine (pt-BR and en voices, 22,050 Hz mono WAV).
/// </summary>
public sealed class TextToSpeechService(HttpClient http, AccessService access, IOptions<SpeechOptions> options) : ITextToSpeech
{
    public const string EspeakProvider = "espeak-ng";
    public const string RemoteProvider = "provider";

    private TtsOptions Options => options.Value.Tts;

    /// <inheritdoc />
    public async Task<SpeechAudio> SynthesizeAsync(string? text, string? language, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        var canonical = SpeechLanguage.Canonical(language);
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationException("text", "Send the text to speak.");
        if (text.Length > Options.MaxCharacters) throw new ValidationException("text", $"At most {Options.MaxCharacters} characters can be spoken at once.");
        return string.IsNullOrWhiteSpace(Options.BaseUrl) ? await EspeakAsync(text, canonical, ct) : await RemoteAsync(text, ct);
    }

    private async Task<SpeechAudio> EspeakAsync(string text, string language, CancellationToken ct)
    {
        // The text goes in on stdin: as an argument, a text starting with "-" would be read as an option.
        var run = await ExternalProgram.RunAsync(Options.EspeakPath, ["-v", SpeechLanguage.EspeakVoice(language), "--stdout", "-b", "1"],
            System.Text.Encoding.UTF8.GetBytes(text), TimeSpan.FromSeconds(Options.TimeoutSeconds), ct);
        if (run is null)
            throw new SpeechUnavailableException(SpeechUnavailableException.TtsUnavailable,
                $"Text to speech is not available: '{Options.EspeakPath}' is not installed (apt-get install espeak-ng) and Copilot:Speech:Tts:BaseUrl is not set.");
        var (exit, output, errors) = run.Value;
        if (exit != 0 || !WavAudio.IsWav(output))
            throw new SpeechUnavailableException(SpeechUnavailableException.TtsUnavailable, $"espeak-ng failed (exit {exit}): {errors.Trim()}");
        return new SpeechAudio(WavAudio.WithTrueSizes(output), "audio/wav", EspeakProvider);
    }

    private async Task<SpeechAudio> RemoteAsync(string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderUrl.Join(Options.BaseUrl!, "audio/speech"))
        {
            Content = JsonContent.Create(new { model = Options.Model, input = text, voice = Options.Voice, response_format = "wav" }),
        };
        if (!string.IsNullOrWhiteSpace(Options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiKey);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(Options.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            if (!response.IsSuccessStatusCode) throw new ProviderException($"The speech provider answered {(int)response.StatusCode}.");
            var bytes = await response.Content.ReadAsByteArrayAsync(limit.Token);
            var type = response.Content.Headers.ContentType?.MediaType ?? "audio/wav";
            return new SpeechAudio(bytes, type, RemoteProvider);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ProviderException($"The speech provider could not be reached: {e.Message}");
        }
    }
}
