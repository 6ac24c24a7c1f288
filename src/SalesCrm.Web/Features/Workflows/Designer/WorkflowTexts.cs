using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The designer's names for catalog things, from <see cref="WorkflowsResource"/>: node types, kinds, ports, settings,
/// choices and problem codes. What the resources do not name shows as stored, so a new catalog entry still reads.
/// </summary>
public sealed partial class WorkflowTexts(IStringLocalizer<WorkflowsResource> t)
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

    /// <summary>
    /// The problem in the reader's words; a setting's problem names the setting by its label and, for the shapes the
    /// validator writes, why: "Configuração inválida: Rótulo no desenho (até 80 caracteres)".
    /// </summary>
    public string Problem(WorkflowProblem problem)
    {
        var text = Or($"Problem_{problem.Code}", problem.Message);
        if (problem.Code is not (WorkflowProblemCodes.MissingSetting or WorkflowProblemCodes.InvalidSetting)) return text;
        if (SettingProblem().Match(problem.Message) is not { Success: true } setting) return text;
        var name = setting.Groups[1].Value;
        text += ": " + Setting(name[(name.LastIndexOfAny(['.', ']']) + 1)..]);
        var why = setting.Groups[2].Value.Trim();
        if (MaxLength().Match(why) is { Success: true } most) text += " (" + string.Format(System.Globalization.CultureInfo.CurrentCulture, t["ProblemMaxLength"], int.Parse(most.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) + ")";
        else if (OneOf().Match(why) is { Success: true } values) text += " (" + t["ProblemOneOf"] + " " + string.Join(", ", values.Groups[1].Value.Split(", ").Select(Choice)) + ")";
        return text;
    }

    private string Or(string key, string fallback)
    {
        var text = t[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^setting '([^']+)'(.*)$")] private static partial System.Text.RegularExpressions.Regex SettingProblem();
    [System.Text.RegularExpressions.GeneratedRegex(@"^must be at most (\d+) characters\.$")] private static partial System.Text.RegularExpressions.Regex MaxLength();
    [System.Text.RegularExpressions.GeneratedRegex(@"^must be one of (.+)\.$")] private static partial System.Text.RegularExpressions.Regex OneOf();
}
