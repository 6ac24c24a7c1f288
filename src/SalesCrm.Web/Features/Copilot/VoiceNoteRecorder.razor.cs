using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// Record → stop → transcript. The browser records with MediaRecorder and hands back a 16 kHz mono WAV (decoded there,
/// so offline recognition needs no ffmpeg); the component sends it to <see cref="ISpeechToText"/> and raises
/// <see cref="OnTranscribed"/> with the text. No microphone or an unavailable recognizer is said in <see cref="Error"/>.
/// </summary>
public partial class VoiceNoteRecorder : IAsyncDisposable
{
    /// <summary>Largest recording taken from the browser (bytes): about five minutes of 16 kHz mono.</summary>
    public const long MaxRecordingBytes = 10_000_000;

    /// <summary>Gets the transcript (may be empty when nothing was recognized).</summary>
    [Parameter] public EventCallback<string> OnTranscribed { get; set; }

    /// <summary><c>pt-BR</c> or <c>en</c>; null: the reader's UI language.</summary>
    [Parameter] public string? Language { get; set; }

    [Parameter] public bool Disabled { get; set; }

    [Inject] private ISpeechToText Speech { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private readonly string _id = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;

    internal RecorderState State { get; private set; }

    internal string? Error { get; private set; }

    private async Task<IJSObjectReference> ModuleAsync() => _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");

    private async Task StartAsync()
    {
        Error = null;
        bool started;
        try
        {
            started = await (await ModuleAsync()).InvokeAsync<bool>("startRecording", _id);
        }
        catch (JSException)
        {
            started = false;
        }
        if (started) State = RecorderState.Recording;
        else Error = L["MicrophoneUnavailable"];
    }

    private async Task StopAsync()
    {
        State = RecorderState.Transcribing;
        StateHasChanged();
        try
        {
            var recording = await (await ModuleAsync()).InvokeAsync<IJSStreamReference?>("stopRecording", _id);
            if (recording is null)
            {
                Error = L["MicrophoneUnavailable"];
                return;
            }
            byte[] audio;
            await using (recording)
            {
                await using var stream = await recording.OpenReadStreamAsync(MaxRecordingBytes);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                audio = buffer.ToArray();
            }
            var transcript = await Speech.TranscribeAsync(audio, Language ?? VoiceErrors.ReaderLanguage());
            Error = transcript.Text.Length == 0 ? L["TranscriptEmpty"].Value : null;
            await OnTranscribed.InvokeAsync(transcript.Text);
        }
        catch (Exception e) when (VoiceErrors.Describe(L, e) is { } message)
        {
            Error = message;
        }
        catch (JSException)
        {
            // The browser could not decode what it recorded.
            Error = L["RecordingFailed"];
        }
        finally
        {
            State = RecorderState.Idle;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            if (State == RecorderState.Recording) await _module.InvokeVoidAsync("cancelRecording", _id);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
