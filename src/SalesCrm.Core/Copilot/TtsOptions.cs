using System.ComponentModel.DataAnnotations;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// <c>Copilot:Speech:Tts</c>: with a <see cref="BaseUrl"/> speech comes from an OpenAI-compatible <c>/audio/speech</c>
/// endpoint; without one from <c>espeak-ng</c> on this machine.
/// </summary>
public sealed class TtsOptions
{
    /// <summary>An OpenAI-compatible API root such as <c>https://api.openai.com/v1</c>; <c>audio/speech</c> is appended.</summary>
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    public string Model { get; set; } = "tts-1";
    public string Voice { get; set; } = "alloy";

    /// <summary>The espeak-ng program (a name on PATH or a path).</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>Longest text spoken, in characters.</summary>
    [Range(1, 20000)]
    public int MaxCharacters { get; set; } = 1000;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
