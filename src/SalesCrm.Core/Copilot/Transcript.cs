namespace SalesCrm.Core.Copilot;

/// <summary>What an audio clip says; <paramref name="Provider"/> is <c>whisper</c> (the configured endpoint) or <c>pocketsphinx</c> (offline). Text may be empty for silence.</summary>
public sealed record Transcript(string Text, string Language, string Provider);
