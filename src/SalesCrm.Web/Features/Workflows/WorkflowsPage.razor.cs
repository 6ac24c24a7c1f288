using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Templates;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The workspace's workflows: create one (then the designer opens), import an exported JSON, see what each one's state is.</summary>
public partial class WorkflowsPage
{
    /// <summary>A refused name shows under its box, not only in a snackbar.</summary>
    protected override IReadOnlyCollection<string> ShownFields => ["name"];

    private const long MaxImportBytes = WorkflowGraphShape.MaxJsonLength + 10_000;

    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowsResource> W { get; set; } = default!;
    [Inject] private WorkflowTemplateService Templates { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowTemplatesResource> TT { get; set; } = default!;

    private List<WorkflowOverviewDto>? _rows;
    private string? _newName;
    private bool _galleryOpen;
    private IReadOnlyList<WorkflowTemplateDto>? _templates;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => RunAsync(async () => _rows = [.. await Workflows.OverviewAsync()]);

    private async Task CreateAsync()
    {
        WorkflowDto? created = null;
        if (await RunAsync(async () => created = await Workflows.CreateAsync(new WorkflowInput(_newName, null, null, null))))
            Navigation.NavigateTo($"/workflows/{created!.Id}");
    }

    private async Task OpenGalleryAsync()
    {
        _galleryOpen = true;
        if (_templates is null) await RunAsync(async () => _templates = await Templates.ListAsync());
    }

    /// <summary>The gallery's choice becomes a draft (named as typed above, else after the template) and the designer opens it.</summary>
    private async Task CreateFromTemplateAsync(WorkflowTemplateChoice choice)
    {
        WorkflowDto? created = null;
        var name = string.IsNullOrWhiteSpace(_newName) ? choice.Title : _newName;
        if (await RunAsync(async () => created = await Templates.CreateAsync(choice.TemplateId, name, choice.Parameters), string.Format(TT["Created"], choice.Title)))
            Navigation.NavigateTo($"/workflows/{created!.Id}");
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null) return;
        WorkflowExport? document;
        try
        {
            await using var stream = file.OpenReadStream(MaxImportBytes);
            document = await JsonSerializer.DeserializeAsync<WorkflowExport>(stream, WorkflowJson.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            Snackbar.Add(W["ImportNotJson"], Severity.Warning);
            return;
        }
        WorkflowDto? created = null;
        if (document is not null && await RunAsync(async () => created = await Workflows.ImportAsync(document), W["Imported"]))
            Navigation.NavigateTo($"/workflows/{created!.Id}");
    }

    private async Task DeleteAsync(WorkflowSummaryDto workflow)
    {
        IReadOnlyList<string> callers = [];
        if (!await RunAsync(async () => callers = await Workflows.CallersAsync(workflow.Id))) return;
        var question = callers.Count == 0
            ? string.Format(W["DeleteQuestion"], workflow.Name)
            : Plurals.For(W, "DeleteCalledQuestion", callers.Count, workflow.Name, string.Join(", ", callers.Select(c => $"\"{c}\"")));
        if (!await ConfirmAsync(question, W["Delete"])) return;
        if (await RunAsync(() => Workflows.DeleteAsync(workflow.Id))) await LoadAsync();
    }
}
