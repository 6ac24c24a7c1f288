namespace SalesCrm.Web.Features.Workflows;

/// <summary>Body of <c>POST /api/v1/workflows/from-template</c>: which template, an optional name, and the template's parameters (e.g. <c>erp_url</c>).</summary>
public sealed record CreateFromTemplateRequest(string? TemplateId, string? Name, Dictionary<string, string>? Parameters);
