using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.DryRuns;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>The designer's "Testar com um lead": the panel's result is highlighted on the canvas until the next edit.</summary>
public partial class WorkflowDesignerPage
{
    [Inject] private IStringLocalizer<WorkflowDryRunResource> D { get; set; } = default!;

    private bool _showDryRun;
    private WorkflowDryRunDto? _dryRun;

    private void ToggleDryRun()
    {
        _showDryRun = !_showDryRun;
        if (_showDryRun) Reveal("wf-dry-panel");
        else ShowDryRun(null);
    }

    /// <summary>The dry run walks the stored draft: save pending edits first.</summary>
    private async Task<bool> SaveForDryRunAsync()
    {
        _autosave?.Cancel();
        return !_dirty || await SaveAsync();
    }

    private void ShowDryRun(WorkflowDryRunDto? result)
    {
        _dryRun = result;
        DryRunHighlight.Apply(_diagram, result);
        StateHasChanged();
    }

    /// <summary>Any edit makes the shown path stale.</summary>
    private void ClearDryRun()
    {
        if (_dryRun is null) return;
        _dryRun = null;
        DryRunHighlight.Apply(_diagram, null);
    }
}
