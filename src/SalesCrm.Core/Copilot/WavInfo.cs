namespace SalesCrm.Core.Copilot;

/// <summary>A PCM WAV file's format and where its samples are (<paramref name="DataOffset"/>, <paramref name="DataLength"/> bytes).</summary>
public sealed record WavInfo(int SampleRate, int Channels, int BitsPerSample, int DataOffset, int DataLength)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)DataLength / (SampleRate * Channels * BitsPerSample / 8));
}
