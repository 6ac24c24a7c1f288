namespace SalesCrm.Core.Copilot;

/// <summary>Speaks text: what the SpeakButton and <c>POST /api/v1/copilot/tts</c> call (<see cref="TextToSpeechService"/>).</summary>
public interface ITextToSpeech
{
    /// <summary>
    /// <paramref name="text"/> spoken in <paramref name="language"/> (<c>pt-BR</c> or <c>en</c>; null: pt-BR). Needs
    /// <c>copilot.use</c>. Empty or too long text, or another language: <see cref="Common.ValidationException"/>; no
    /// engine: <see cref="SpeechUnavailableException"/> (503 <c>TTS_UNAVAILABLE</c>); the provider failing:
    /// <see cref="Common.ProviderException"/> (502).
    /// </summary>
    Task<SpeechAudio> SynthesizeAsync(string? text, string? language, CancellationToken ct = default);
}
