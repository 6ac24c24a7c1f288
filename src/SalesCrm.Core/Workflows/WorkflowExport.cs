namespace SalesCrm.Core.Workflows;

/// <summary>
/// The export/import document: <c>{ "format": "salescrm.workflow", "format_version": 1, "name", "description", "graph" }</c>.
/// Ids of the workspace (stages, members, templates) inside settings travel as they are.
/// </summary>
public sealed record WorkflowExport(string? Format, int? FormatVersion, string? Name, string? Description, WorkflowGraph? Graph)
{
    public const string FormatName = "salescrm.workflow";
    public const int CurrentFormatVersion = 1;
}
