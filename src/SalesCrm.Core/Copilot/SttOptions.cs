using System.ComponentModel.DataAnnotations;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// <c>Copilot:Speech:Stt</c>: with a <see cref="BaseUrl"/> audio goes to a Whisper-compatible
/// <c>/audio/transcriptions</c> endpoint; without one English is recognized offline by <c>pocketsphinx</c> and other
/// languages answer 503 <c>STT_UNAVAILABLE</c>.
/// </summary>
public sealed class SttOptions
{
    /// <summary>An OpenAI-compatible API root such as <c>https://api.openai.com/v1</c>; <c>audio/transcriptions</c> is appended.</summary>
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    public string Model { get; set; } = "whisper-1";

    /// <summary>pocketsphinx's recognizer program (Debian package <c>pocketsphinx</c>, with its en-US model).</summary>
    public string PocketsphinxPath { get; set; } = "pocketsphinx_continuous";

    /// <summary>ffmpeg turns Ogg/WebM voice notes into the WAV pocketsphinx reads; without it offline recognition takes WAV only.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Largest upload, in bytes.</summary>
    [Range(1, 100_000_000)]
    public int MaxBytes { get; set; } = 10_000_000;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
