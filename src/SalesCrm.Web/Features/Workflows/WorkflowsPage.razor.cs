using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The workspace's workflows: create one (then the designer opens), import an exported JSON, see what each one's state is.</summary>
public partial class WorkflowsPage
{
    private const long MaxImportBytes = WorkflowGraphShape.MaxJsonLength + 10_000;

    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowsResource> W { get; set; } = default!;

    private List<WorkflowRow>? _rows;
    private string? _newName;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => RunAsync(async () =>
    {
        var rows = new List<WorkflowRow>();
        foreach (var summary in await Workflows.ListAsync())
        {
            // One read per workflow: a workspace has tens of them, and the chips need the draft's problems.
            var full = await Workflows.GetAsync(summary.Id);
            var published = summary.Version == 0 ? null : (await Workflows.VersionsAsync(summary.Id)).FirstOrDefault()?.PublishedAt;
            rows.Add(new WorkflowRow(summary, full.Problems.Count, full.HasUnpublishedChanges, published));
        }
        _rows = rows;
    });

    private async Task CreateAsync()
    {
        WorkflowDto? created = null;
        if (await RunAsync(async () => created = await Workflows.CreateAsync(new WorkflowInput(_newName, null, null, null))))
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
        if (!await ConfirmAsync(string.Format(W["DeleteQuestion"], workflow.Name), W["Delete"])) return;
        if (await RunAsync(() => Workflows.DeleteAsync(workflow.Id))) await LoadAsync();
    }
}
