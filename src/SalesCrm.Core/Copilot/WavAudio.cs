using System.Buffers.Binary;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Reading and writing PCM WAV (RIFF) files: the header of what espeak-ng streams (its sizes are placeholders on a pipe),
/// and the 16 kHz mono 16-bit form pocketsphinx's acoustic model expects.
/// </summary>
public static class WavAudio
{
    /// <summary>Whether <paramref name="bytes"/> start as a RIFF/WAVE file.</summary>
    public static bool IsWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WAVE"u8);

    /// <summary>
    /// The format and sample data of a PCM WAV file. A data chunk whose declared size runs past the end (a streamed file)
    /// is read to the end. A file that is no PCM WAV is a <see cref="ValidationException"/> on <c>file</c>.
    /// </summary>
    public static WavInfo Read(byte[] bytes)
    {
        if (!IsWav(bytes)) throw new ValidationException("file", "Not a WAV file (no RIFF/WAVE header).");
        int? rate = null, channels = null, bits = null, format = null;
        var at = 12;
        while (at + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(at, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4, 4)), int.MaxValue);
            var body = at + 8;
            if (id.SequenceEqual("fmt "u8) && body + 16 <= bytes.Length)
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2, 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not 1 || bits is not (8 or 16) || channels is not (>= 1 and <= 8) || rate is not (> 0 and <= 384_000))
                    throw new ValidationException("file", "Only PCM WAV (8 or 16 bits) can be read here.");
                var length = Math.Min(size, bytes.Length - body);
                return new WavInfo(rate.Value, channels.Value, bits.Value, body, length - length % (channels.Value * bits.Value / 8));
            }
            at = body + size + (size & 1);
        }
        throw new ValidationException("file", "The WAV file has no audio data.");
    }

    /// <summary>The same file with its RIFF and data sizes set to what it holds (espeak-ng on a pipe writes placeholders).</summary>
    public static byte[] WithTrueSizes(byte[] bytes)
    {
        var info = Read(bytes);
        var fixedBytes = bytes[..(info.DataOffset + info.DataLength)];
        BinaryPrimitives.WriteUInt32LittleEndian(fixedBytes.AsSpan(4, 4), (uint)(fixedBytes.Length - 8));
        BinaryPrimitives.WriteUInt32LittleEndian(fixedBytes.AsSpan(info.DataOffset - 4, 4), (uint)info.DataLength);
        return fixedBytes;
    }

    /// <summary>The audio as 16 kHz mono 16-bit PCM WAV (channels averaged, linear interpolation between samples).</summary>
    public static byte[] ToMono16k(byte[] bytes)
    {
        const int rate = 16000;
        var info = Read(bytes);
        var frameBytes = info.Channels * info.BitsPerSample / 8;
        var frames = info.DataLength / frameBytes;
        var mono = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var sum = 0f;
            for (var c = 0; c < info.Channels; c++)
            {
                var at = info.DataOffset + f * frameBytes + c * info.BitsPerSample / 8;
                sum += info.BitsPerSample == 16 ? BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at, 2)) : (bytes[at] - 128) * 256;
            }
            mono[f] = sum / info.Channels;
        }
        var outFrames = (int)((long)frames * rate / info.SampleRate);
        var pcm = new byte[outFrames * 2];
        for (var i = 0; i < outFrames; i++)
        {
            var x = (double)i * info.SampleRate / rate;
            var j = (int)x;
            var a = mono[Math.Min(j, frames - 1)];
            var b = mono[Math.Min(j + 1, frames - 1)];
            var sample = a + (b - a) * (x - j);
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2, 2), (short)Math.Clamp(Math.Round(sample), short.MinValue, short.MaxValue));
        }
        return Pcm16Wav(pcm, rate, 1);
    }

    /// <summary>A 44-byte-header WAV around 16-bit PCM samples.</summary>
    public static byte[] Pcm16Wav(ReadOnlySpan<byte> pcm, int sampleRate, int channels)
    {
        var wav = new byte[44 + pcm.Length];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(36 + pcm.Length));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), (uint)(sampleRate * channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), (uint)pcm.Length);
        pcm.CopyTo(wav.AsSpan(44));
        return wav;
    }
}
