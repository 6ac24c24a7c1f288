using SalesCrm.Core.Messaging;

namespace SalesCrm.Web.Features.Messaging;

/// <summary>Body of <c>POST /api/v1/templates</c> and <c>PUT /api/v1/templates/{id}</c>.</summary>
public sealed record TemplateRequest(string? Name, TemplateCategory? Category, string? Language, string? Body, TemplateStatus? Status)
{
    public TemplateInput ToInput() => new(Name, Category, Language, Body, Status);
}
