namespace SalesCrm.Web.Features.Messaging;

/// <summary>Body of <c>POST /api/v1/leads/{id}/messages</c>: free text, or a template with its variables by name.</summary>
public sealed record SendMessageRequest(string? Text, Guid? TemplateId, Dictionary<string, string>? Variables);
