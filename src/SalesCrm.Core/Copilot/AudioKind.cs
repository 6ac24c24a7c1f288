namespace SalesCrm.Core.Copilot;

/// <summary>The audio containers speech-to-text takes, told apart by their first bytes (never by a declared type).</summary>
public sealed record AudioKind(string ContentType, string Extension)
{
    public static readonly AudioKind Wav = new("audio/wav", ".wav");
    public static readonly AudioKind Ogg = new("audio/ogg", ".ogg");
    public static readonly AudioKind WebM = new("audio/webm", ".webm");

    /// <summary>The container of <paramref name="bytes"/>, or null when it is none of WAV, Ogg, WebM.</summary>
    public static AudioKind? Of(ReadOnlySpan<byte> bytes) =>
        WavAudio.IsWav(bytes) ? Wav
        : bytes.StartsWith("OggS"u8) ? Ogg
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? WebM
        : null;
}
