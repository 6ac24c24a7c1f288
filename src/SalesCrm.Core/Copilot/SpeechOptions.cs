namespace SalesCrm.Core.Copilot;

/// <summary><c>Copilot:Speech</c>: text to speech (<see cref="Tts"/>) and speech to text (<see cref="Stt"/>).</summary>
public sealed class SpeechOptions
{
    public TtsOptions Tts { get; set; } = new();
    public SttOptions Stt { get; set; } = new();
}
