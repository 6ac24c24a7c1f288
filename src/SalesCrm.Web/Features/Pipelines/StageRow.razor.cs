using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>A stage's edit as the settings page saves it.</summary>
public sealed record StageEdit(StageDto Stage, StageInput Changes);

/// <summary>
/// One editable stage. The row keeps its draft until it is saved or the stored stage changes (a save, or another
/// manager's edit arriving live); errors are shown under the field they name.
/// </summary>
public partial class StageRow
{
    [Parameter, EditorRequired] public StageDto Stage { get; set; } = default!;
    [Parameter] public int Index { get; set; }
    [Parameter] public int Count { get; set; }
    [Parameter] public int LeadCount { get; set; }
    [Parameter] public bool Disabled { get; set; }
    /// <summary>Field (the API's name: <c>name</c>, <c>probability</c>, <c>rotten_after_days</c>…) → message.</summary>
    [Parameter] public IReadOnlyDictionary<string, string>? Errors { get; set; }
    [Parameter] public EventCallback<StageEdit> OnSave { get; set; }
    /// <summary>-1 moves the stage up one place, +1 down.</summary>
    [Parameter] public EventCallback<int> OnMove { get; set; }
    [Parameter] public EventCallback OnDelete { get; set; }
    /// <summary>The draft was thrown away: the page forgets the row's errors.</summary>
    [Parameter] public EventCallback OnUndo { get; set; }

    public StageDraft Draft { get; private set; } = default!;

    protected override void OnParametersSet()
    {
        if (Draft is null || Draft.Stored != Stage) Draft = new StageDraft(Stage);
    }

    private string? ErrorFor(string field) => Errors?.GetValueOrDefault(field);

    public Task SaveAsync() => Draft.IsDirty ? OnSave.InvokeAsync(new StageEdit(Stage, Draft.Changes())) : Task.CompletedTask;

    private Task SaveOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? SaveAsync() : Task.CompletedTask;

    private Task UndoAsync()
    {
        Draft = new StageDraft(Stage);
        return OnUndo.InvokeAsync();
    }
}
