namespace SalesCrm.Web.Tests.Copilot;

/// <summary>What the Whisper stub received in one transcription request.</summary>
public sealed record WhisperCall(string Model, string Language, string FileName, byte[] Audio, string Authorization);
