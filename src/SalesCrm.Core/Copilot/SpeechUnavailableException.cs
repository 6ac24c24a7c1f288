using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>503: speech cannot be produced or recognized here (no provider configured and no offline engine for it).</summary>
public sealed class SpeechUnavailableException(string code, string message) : DomainException(code, message)
{
    /// <summary>No speech-to-text for this language or format: no Whisper endpoint and no offline recognizer that can do it.</summary>
    public const string SttUnavailable = "STT_UNAVAILABLE";

    /// <summary>No text-to-speech: no provider configured and espeak-ng is not installed.</summary>
    public const string TtsUnavailable = "TTS_UNAVAILABLE";
}
