using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Speech to text: a Whisper-compatible <c>/audio/transcriptions</c> endpoint when <c>Copilot:Speech:Stt:BaseUrl</c> is
/// set; otherwise pocketsphinx on this machine for English (its en-US model is the only one Debian ships) and 503
/// <c>STT_UNAVAILABLE</c> for any other language. It never makes a transcript up.
/// </summary>
public sealed class SpeechToTextService(HttpClient http, AccessService access, IOptions<SpeechOptions> options) : ISpeechToText
{
    public const string WhisperProvider = "whisper";
    public const string PocketsphinxProvider = "pocketsphinx";

    /// <summary>Longest transcript kept on a message (characters).</summary>
    public const int MaxTranscriptLength = 8000;

    private SttOptions Options => options.Value.Stt;

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(byte[] audio, string? language, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        var canonical = SpeechLanguage.Canonical(language);
        if (audio.Length == 0) throw new ValidationException("file", "The audio file is empty.");
        if (audio.Length > Options.MaxBytes) throw new ValidationException("file", $"At most {Options.MaxBytes / 1_000_000.0:0.#} MB of audio.");
        var kind = AudioKind.Of(audio) ?? throw new ValidationException("file", "Not a WAV, Ogg or WebM audio file.");
        var text = !string.IsNullOrWhiteSpace(Options.BaseUrl) ? await WhisperAsync(audio, kind, canonical, ct) : await PocketsphinxAsync(audio, kind, canonical, ct);
        text = text.Trim();
        return new Transcript(text.Length > MaxTranscriptLength ? text[..MaxTranscriptLength] : text, canonical,
            string.IsNullOrWhiteSpace(Options.BaseUrl) ? PocketsphinxProvider : WhisperProvider);
    }

    private async Task<string> WhisperAsync(byte[] audio, AudioKind kind, string language, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue(kind.ContentType);
        form.Add(file, "file", "audio" + kind.Extension);
        form.Add(new StringContent(Options.Model), "model");
        form.Add(new StringContent(SpeechLanguage.Iso639(language)), "language");
        form.Add(new StringContent("json"), "response_format");
        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderUrl.Join(Options.BaseUrl!, "audio/transcriptions")) { Content = form };
        if (!string.IsNullOrWhiteSpace(Options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiKey);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(Options.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            if (!response.IsSuccessStatusCode) throw new ProviderException($"The transcription provider answered {(int)response.StatusCode}.");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(limit.Token));
            return json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()!
                : throw new ProviderException("The transcription provider's answer has no text.");
        }
        catch (JsonException)
        {
            throw new ProviderException("The transcription provider's answer is not JSON.");
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ProviderException($"The transcription provider could not be reached: {e.Message}");
        }
    }

    private async Task<string> PocketsphinxAsync(byte[] audio, AudioKind kind, string language, CancellationToken ct)
    {
        if (language != "en")
            throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable,
                $"No transcription for {language} here: offline recognition (pocketsphinx) knows English only. Set Copilot:Speech:Stt:BaseUrl to a Whisper-compatible endpoint.");
        var wav = kind == AudioKind.Wav ? audio : await ToWavAsync(audio, kind, ct);
        var folder = Directory.CreateTempSubdirectory("salescrm-stt-");
        try
        {
            var input = Path.Combine(folder.FullName, "audio.wav");
            await File.WriteAllBytesAsync(input, WavAudio.ToMono16k(wav), ct);
            var run = await ExternalProgram.RunAsync(Options.PocketsphinxPath, ["-infile", input, "-logfn", "/dev/null"], null, TimeSpan.FromSeconds(Options.TimeoutSeconds), ct)
                ?? throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable,
                    $"No transcription here: '{Options.PocketsphinxPath}' is not installed (apt-get install pocketsphinx pocketsphinx-en-us) and Copilot:Speech:Stt:BaseUrl is not set.");
            if (run.ExitCode != 0) throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable, $"pocketsphinx failed (exit {run.ExitCode}): {run.Errors.Trim()}");
            // One line per utterance it heard.
            return string.Join(' ', Encoding.UTF8.GetString(run.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        catch (TimeoutException e)
        {
            throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable, e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Ogg/WebM (WhatsApp voice notes, browser recordings) decoded to WAV by ffmpeg, which offline recognition needs for them.</summary>
    private async Task<byte[]> ToWavAsync(byte[] audio, AudioKind kind, CancellationToken ct)
    {
        var run = await ExternalProgram.RunAsync(Options.FfmpegPath, ["-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-ac", "1", "-ar", "16000", "-f", "wav", "pipe:1"],
            audio, TimeSpan.FromSeconds(Options.TimeoutSeconds), ct)
            ?? throw new SpeechUnavailableException(SpeechUnavailableException.SttUnavailable,
                $"Offline transcription reads WAV; {kind.ContentType} needs ffmpeg (apt-get install ffmpeg) or a Whisper endpoint (Copilot:Speech:Stt:BaseUrl).");
        if (run.ExitCode != 0 || !WavAudio.IsWav(run.Output)) throw new ValidationException("file", $"The {kind.ContentType} audio could not be decoded.");
        return WavAudio.WithTrueSizes(run.Output);
    }
}
