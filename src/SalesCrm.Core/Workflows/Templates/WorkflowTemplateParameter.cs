namespace SalesCrm.Core.Workflows.Templates;

/// <summary>A value the manager gives when creating from a template (e.g. the ERP's URL); left empty, the draft's validation names the node that needs it.</summary>
public sealed record WorkflowTemplateParameter(string Key, string Label, string Example);
