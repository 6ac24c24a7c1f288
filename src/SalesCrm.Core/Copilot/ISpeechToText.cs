namespace SalesCrm.Core.Copilot;

/// <summary>Transcribes audio: what the VoiceNoteRecorder, the voice-note "transcribe" action and <c>POST /api/v1/copilot/stt</c> call (<see cref="SpeechToTextService"/>).</summary>
public interface ISpeechToText
{
    /// <summary>
    /// What <paramref name="audio"/> (WAV, Ogg or WebM bytes) says in <paramref name="language"/> (<c>pt-BR</c> or
    /// <c>en</c>; null: pt-BR). Needs <c>copilot.use</c>. Empty, too large or non-audio input, or another language:
    /// <see cref="Common.ValidationException"/> on <c>file</c>/<c>language</c>; nothing here that can transcribe it (no
    /// Whisper endpoint, and offline recognition is English only): <see cref="SpeechUnavailableException"/> (503
    /// <c>STT_UNAVAILABLE</c>); the provider failing: <see cref="Common.ProviderException"/> (502). Never a made-up text.
    /// </summary>
    Task<Transcript> TranscribeAsync(byte[] audio, string? language, CancellationToken ct = default);
}
