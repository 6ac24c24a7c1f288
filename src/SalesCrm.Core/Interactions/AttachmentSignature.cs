namespace SalesCrm.Core.Interactions;

/// <summary>
/// Checks that an attachment's first bytes are those of the media type it was declared as, so a program or an HTML page
/// uploaded as <c>foto.png</c> / <c>image/png</c> is refused instead of being stored and served back to colleagues.
/// </summary>
/// <remarks>
/// One signature per type of <see cref="AttachmentRules.AllowedByType"/>, from each format's specification: PNG (ISO/IEC
/// 15948 signature), JPEG (SOI marker FF D8 FF), GIF (<c>GIF87a</c>/<c>GIF89a</c>), WebP and WAV (RIFF with the
/// <c>WEBP</c>/<c>WAVE</c> form type), Ogg (<c>OggS</c> capture pattern), WebM (EBML header 1A 45 DF A3), MP4/M4A
/// (an ISO BMFF <c>ftyp</c> box at offset 4), MPEG audio (an <c>ID3</c> tag or an 11-bit frame sync) and AAC (ADTS
/// sync FFF with layer 0, or <c>ADIF</c>). A type without a signature here is refused.
/// </remarks>
public static class AttachmentSignature
{
    /// <summary>How many leading bytes <see cref="Matches"/> needs to see (fewer when the file is shorter).</summary>
    public const int HeaderLength = 12;

    /// <summary>Whether <paramref name="head"/>, the file's first bytes, fits <paramref name="contentType"/> (case-insensitive).</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> head) => contentType.ToLowerInvariant() switch
    {
        "image/png" => head.StartsWith<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => head.StartsWith<byte>([0xFF, 0xD8, 0xFF]),
        "image/gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "image/webp" => Riff(head, "WEBP"u8),
        "audio/wav" => Riff(head, "WAVE"u8),
        "audio/ogg" => head.StartsWith("OggS"u8),
        "audio/webm" => head.StartsWith<byte>([0x1A, 0x45, 0xDF, 0xA3]),
        "audio/mp4" or "audio/x-m4a" => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8),
        "audio/mpeg" => head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0),
        "audio/aac" => head.StartsWith("ADIF"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0),
        _ => false,
    };

    private static bool Riff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual(form);
}
