using MudBlazor;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The designer's copy, paste and duplicate (toolbar and Ctrl+C / Ctrl+V / Ctrl+D): a paste is one edit, so one undo
/// removes it, and it is validated and autosaved like any other (<see cref="DiagramClipboard"/> does the copying).
/// </summary>
public partial class WorkflowDesignerPage
{
    private readonly DiagramClipboard _clipboard = new();

    private Task CopyAsync()
    {
        CopySelection(announce: true);
        return Task.CompletedTask;
    }

    /// <summary>Copies the selection; a left-out trigger is always said, the count only when <paramref name="announce"/>.</summary>
    private int CopySelection(bool announce)
    {
        var copied = _clipboard.Copy(_diagram);
        if (_clipboard.SkippedTriggers > 0) Snackbar.Add(string.Format(W["CopySkipsTrigger"], copied), Severity.Info);
        else if (copied == 0) Snackbar.Add(W["CopyNothing"], Severity.Info);
        else if (announce) Snackbar.Add(string.Format(W["Copied"], copied), Severity.Normal);
        StateHasChanged();
        return copied;
    }

    /// <summary>Pastes the clipboard as one edit (one undo step), selecting the new nodes.</summary>
    private Task PasteAsync()
    {
        var pasted = _clipboard.Paste(_diagram, _mapper);
        if (pasted.Count == 0) return Task.CompletedTask;
        _diagram.UnselectAll();
        foreach (var node in pasted) _diagram.SelectModel(node, unselectOthers: false);
        _selected = pasted.Count == 1 ? pasted[0] : null;
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    private Task DuplicateAsync()
    {
        return CopySelection(announce: false) > 0 ? PasteAsync() : Task.CompletedTask;
    }
}
