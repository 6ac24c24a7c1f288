using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The designer's names for catalog things, from <see cref="WorkflowsResource"/>: node types, kinds, ports, settings,
/// choices and problem codes. What the resources do not name shows as stored, so a new catalog entry still reads.
/// </summary>
public sealed class WorkflowTexts(IStringLocalizer<WorkflowsResource> t)
{
    public IStringLocalizer<WorkflowsResource> Strings => t;

    public string this[string key] => t[key];

    public string Type(string type) => Or($"NodeType_{type}", type);

    public string Kind(string kind) => Or($"Kind_{kind}", kind);

    /// <summary>A port's label: the type's own word for it (a condition's "sim"), else the port's common one, else its id.</summary>
    public string Port(string type, string port) => port.Length == 0 ? Or("Port_in", "in") : Or($"Port_{type}_{port}", Or($"Port_{port}", port));

    public string Setting(string name) => Or($"Setting_{name}", name);

    /// <summary>A hint under a setting (the schema's English description is not shown); null when there is none.</summary>
    public string? SettingHelp(string type, string name) => Or($"SettingHelp_{type}_{name}", Or($"SettingHelp_{name}", "")) is { Length: > 0 } help ? help : null;

    public string Choice(string value) => Or($"Choice_{value}", value);

    public string Problem(WorkflowProblem problem) => Or($"Problem_{problem.Code}", problem.Message);

    private string Or(string key, string fallback)
    {
        var text = t[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
