namespace SalesCrm.Core.Workflows.Templates;

/// <summary>A template as the gallery and <c>GET /api/v1/workflow-templates</c> show it.</summary>
public sealed record WorkflowTemplateDto(
    string Id, string Name, string Description, string Icon, IReadOnlyList<string> Tags, int NodeCount, IReadOnlyList<WorkflowTemplateParameter> Parameters)
{
    public static WorkflowTemplateDto From(WorkflowTemplate t) =>
        new(t.Id, t.Name, t.Description, t.Icon, t.Tags, t.Build(WorkflowTemplateContext.Empty).Nodes?.Count ?? 0, t.Parameters);
}
