namespace SalesCrm.Web.Features.Copilot;

/// <summary><c>POST /api/v1/copilot/tts</c> body: the text to speak and its language (<c>pt-BR</c> or <c>en</c>; default pt-BR).</summary>
public sealed record TtsRequest(string? Text, string? Language);
