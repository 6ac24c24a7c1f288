namespace SalesCrm.Web.Features.Workflows;

/// <summary>What the template gallery hands to its page: the template, its localized title, and the parameters the manager typed.</summary>
public sealed record WorkflowTemplateChoice(string TemplateId, string Title, IReadOnlyDictionary<string, string> Parameters);
