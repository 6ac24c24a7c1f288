using MudBlazor;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Two tabs (or two managers) on one workflow: a save that finds the draft saved by the other since this tab read it
/// (<c>WORKFLOW_CHANGED</c>) asks before anything is lost — load the saved draft, or overwrite it with this tab's graph.
/// </summary>
public partial class WorkflowDesignerPage
{
    private bool _resolvingConflict;

    /// <summary>Asks once (autosave waits meanwhile); true when this tab's graph ended up saved.</summary>
    private async Task<bool> ResolveConflictAsync()
    {
        _autosave?.Cancel();
        _resolvingConflict = true;
        bool? reload;
        try
        {
            reload = await Dialogs.ShowMessageBoxAsync(W["ChangedElsewhereTitle"], W["ChangedElsewhere"],
                yesText: W["ChangedElsewhereReload"], noText: W["ChangedElsewhereOverwrite"], cancelText: L["Cancel"]);
        }
        finally
        {
            _resolvingConflict = false;
        }
        switch (reload)
        {
            case true:
                await RunAsync(async () =>
                {
                    _workflow = await Workflows.GetAsync(Id);
                    _name = _workflow.Name;
                    Load(_workflow.Graph);
                    _history.Reset(Snapshot());
                    _dirty = false;
                    ClearDryRun();
                    Apply(_workflow.Problems);
                }, W["ChangedElsewhereReloaded"]);
                StateHasChanged();
                return false;
            case false:
                return await SaveAsync(overwrite: true);
            default:
                return false; // decided later: the edits stay here, unsaved; the next save asks again
        }
    }
}
