namespace SalesCrm.Core.Workflows.Templates;

/// <summary>
/// A shipped workflow (pt-BR): what the gallery shows (<see cref="Name"/>, <see cref="Description"/>, <see cref="Icon"/>,
/// <see cref="Tags"/>; the UI localizes them by <see cref="Id"/>) and how its graph is made for one workspace — settings
/// that name a stage or a WhatsApp template are looked up there by name, and <see cref="Parameters"/> are filled by the manager.
/// </summary>
public sealed record WorkflowTemplate(
    string Id,
    string Icon,
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<WorkflowTemplateParameter> Parameters,
    Func<WorkflowTemplateContext, WorkflowGraph> Build);
