namespace SalesCrm.Core.Copilot;

/// <summary>Synthesized speech: the audio bytes, their MIME type (<c>audio/wav</c> offline) and who made them (<c>espeak-ng</c> or <c>provider</c>).</summary>
public sealed record SpeechAudio(byte[] Content, string ContentType, string Provider);
