using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Workflows.Templates;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>"Criar a partir de modelo": one card per shipped template (icon, localized title and description, step count, its parameters).</summary>
public partial class WorkflowTemplateGallery
{
    [Inject] private IStringLocalizer<WorkflowTemplatesResource> T { get; set; } = default!;

    /// <summary>The catalog; null while it loads.</summary>
    [Parameter] public IReadOnlyList<WorkflowTemplateDto>? Templates { get; set; }
    [Parameter] public EventCallback<WorkflowTemplateChoice> OnChoose { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public bool Busy { get; set; }

    private readonly Dictionary<(string Template, string Key), string> _parameters = [];

    /// <summary>The title in the UI's language; the catalog's pt-BR name when a template has no translation.</summary>
    public string Title(WorkflowTemplateDto template) => Localized($"{template.Id}.Title", template.Name);

    public string Description(WorkflowTemplateDto template) => Localized($"{template.Id}.Description", template.Description);

    public string ParameterLabel(WorkflowTemplateParameter parameter) => Localized($"Param.{parameter.Key}", parameter.Label);

    public static string IconOf(WorkflowTemplateDto template) => template.Icon switch
    {
        "campaign" => Icons.Material.Filled.Campaign,
        "alarm" => Icons.Material.Filled.Alarm,
        "forum" => Icons.Material.Filled.Forum,
        "handshake" => Icons.Material.Filled.Handshake,
        "summarize" => Icons.Material.Filled.Summarize,
        _ => Icons.Material.Filled.AccountTree,
    };

    private string Localized(string key, string fallback)
    {
        var text = T[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    private string? ParameterValue(WorkflowTemplateDto template, string key) => _parameters.GetValueOrDefault((template.Id, key));

    public void SetParameter(WorkflowTemplateDto template, string key, string? value) => _parameters[(template.Id, key)] = value ?? "";

    /// <summary>Hands the template and its non-blank parameters to the page.</summary>
    public Task ChooseAsync(WorkflowTemplateDto template)
    {
        var parameters = template.Parameters
            .Select(p => (p.Key, Value: ParameterValue(template, p.Key)?.Trim()))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .ToDictionary(p => p.Key, p => p.Value!);
        return OnChoose.InvokeAsync(new WorkflowTemplateChoice(template.Id, Title(template), parameters));
    }
}
