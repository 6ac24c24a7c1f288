namespace SalesCrm.Web.Features.Copilot;

/// <summary><c>POST /api/v1/leads/{id}/messages/{message_id}/transcribe</c> body: the voice note's language (<c>pt-BR</c> or <c>en</c>; default pt-BR).</summary>
public sealed record TranscribeRequest(string? Language);
