using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// Pipelines and their stages for managers (<c>pipeline.manage</c>): everything the pipelines API does, through the
/// same <see cref="PipelineService"/> methods. Stages are reordered by dragging a row's handle or with its arrow
/// buttons; each row saves its own edit and shows the service's validation errors under the fields they name. Changes
/// by anyone (this page, another manager, the API) reach open boards and this page through the pipeline notice.
/// </summary>
public partial class PipelineSettings : IDisposable
{
    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ILogger<PipelineSettings> Logger { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "pipeline")] private Guid? PipelineId { get; set; }

    private IReadOnlyList<PipelineDto> _pipelines = [];
    private PipelineDto? _pipeline;
    private IReadOnlyDictionary<Guid, int> _counts = new Dictionary<Guid, int>();
    private readonly Dictionary<Guid, IReadOnlyDictionary<string, string>> _stageErrors = new();
    private string? _newPipelineName, _newPipelineError, _pipelineName, _pipelineNameError, _newStageName, _newStageError;
    private int? _dragged, _dropAt;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(() => LoadAsync(PipelineId));
        var tenantId = Access.User.TenantId;
        var live = new LiveRefresh(InvokeAsync, async () => { await RunAsync(() => LoadAsync(_pipeline?.Id)); StateHasChanged(); }, Logger);
        _subscription = Bus.Watch(e => e.TenantId == tenantId && e.Type == EventTypes.PipelineChanged, live.Request);
    }

    /// <summary>Reads the pipelines again and shows <paramref name="id"/> (the default one when it is gone or not given).</summary>
    private async Task LoadAsync(Guid? id)
    {
        _pipelines = await Pipelines.ListAsync();
        var previous = _pipeline;
        _pipeline = _pipelines.FirstOrDefault(p => p.Id == id) ?? _pipelines.FirstOrDefault(p => p.IsDefault) ?? _pipelines.FirstOrDefault();
        if (_pipeline is null) return;
        // A name being typed survives a refresh caused by someone else; a new pipeline or a saved name replaces it.
        if (previous?.Id != _pipeline.Id || _pipelineName == previous.Name) (_pipelineName, _pipelineNameError) = (_pipeline.Name, null);
        _counts = await Pipelines.LeadCountsAsync(_pipeline.Id);
    }

    private string? DeletePipelineHint =>
        _pipelines.Count <= 1 ? L["LastPipelineCannotGo"].Value : _counts.Values.Sum() > 0 ? L["PipelineHasLeads"].Value : null;

    private string RowClass(int index)
    {
        var css = "stage-row";
        if (_dragged is { } from && _dropAt == index && from != index) css += from < index ? " drop-after" : " drop-before";
        if (_dragged == index) css += " dragging";
        return css;
    }

    private Task SelectAsync(Guid id) => RunAsync(() => LoadAsync(id));

    /// <summary>Runs a change; a <see cref="ValidationException"/> goes to <paramref name="invalid"/> as messages per field instead of a snackbar.</summary>
    private async Task<bool> ChangeAsync(string form, Func<Task> change, Action<IReadOnlyDictionary<string, string>> invalid)
    {
        var ok = false;
        await RunAsync(async () =>
        {
            try
            {
                await change();
                ok = true;
            }
            catch (ValidationException e)
            {
                invalid(FieldErrors.Localize(L, form, e));
                Snackbar.Add(L["FixErrors"], Severity.Warning);
            }
        });
        if (ok) await RunAsync(() => LoadAsync(_pipeline?.Id));
        return ok;
    }

    private async Task CreatePipelineAsync()
    {
        PipelineDto? created = null;
        if (await ChangeAsync("pipeline", async () => created = await Pipelines.CreateAsync(_newPipelineName, null), e => _newPipelineError = e.GetValueOrDefault("name")))
        {
            (_newPipelineName, _newPipelineError) = (null, null);
            await RunAsync(() => LoadAsync(created!.Id));
            Snackbar.Add(L["PipelineCreated"], Severity.Success);
        }
    }

    private async Task RenamePipelineAsync()
    {
        if (_pipeline is null || _pipelineName == _pipeline.Name) return;
        var name = _pipelineName;
        if (await ChangeAsync("pipeline", () => Pipelines.UpdateAsync(_pipeline.Id, name ?? "", null), e => _pipelineNameError = e.GetValueOrDefault("name")))
        {
            (_pipelineName, _pipelineNameError) = (_pipeline.Name, null);
            Snackbar.Add(L["Saved"], Severity.Success);
        }
    }

    private async Task MakeDefaultAsync()
    {
        if (_pipeline is null) return;
        await ChangeAsync("pipeline", () => Pipelines.UpdateAsync(_pipeline.Id, null, true), _ => { });
    }

    private async Task DeletePipelineAsync()
    {
        if (_pipeline is not { } pipeline || !await ConfirmAsync(string.Format(L["DeletePipelineQuestion"], pipeline.Name), L["Delete"])) return;
        if (await RunAsync(() => Pipelines.DeleteAsync(pipeline.Id), L["PipelineDeleted"])) await RunAsync(() => LoadAsync(null));
    }

    private async Task SaveStageAsync(StageEdit edit)
    {
        if (_pipeline is null) return;
        if (await ChangeAsync("stage", () => Pipelines.UpdateStageAsync(_pipeline.Id, edit.Stage.Id, edit.Changes), e => _stageErrors[edit.Stage.Id] = e))
        {
            _stageErrors.Remove(edit.Stage.Id);
            Snackbar.Add(L["Saved"], Severity.Success);
        }
    }

    /// <summary>Puts a stage at <paramref name="index"/> (the arrows and a drop both end here); the others keep their order.</summary>
    private async Task MoveAsync(StageDto stage, int index)
    {
        if (_pipeline is null || index < 0 || index >= _pipeline.Stages.Count || _pipeline.Stages[index].Id == stage.Id) return;
        await ChangeAsync("stage", () => Pipelines.UpdateStageAsync(_pipeline.Id, stage.Id, new StageInput(Order: index)), e => _stageErrors[stage.Id] = e);
    }

    private async Task DropAsync(int index)
    {
        var from = _dragged;
        (_dragged, _dropAt) = (null, null);
        if (from is { } source && _pipeline is not null && source < _pipeline.Stages.Count) await MoveAsync(_pipeline.Stages[source], index);
    }

    private async Task AddStageAsync()
    {
        if (_pipeline is null) return;
        if (await ChangeAsync("stage", () => Pipelines.AddStageAsync(_pipeline.Id, new StageInput(Name: _newStageName ?? "")), e => _newStageError = e.GetValueOrDefault("name")))
            (_newStageName, _newStageError) = (null, null);
    }

    private async Task DeleteStageAsync(StageDto stage)
    {
        if (_pipeline is not { } pipeline) return;
        var leads = _counts.GetValueOrDefault(stage.Id);
        var dialog = await Dialogs.ShowAsync<DeleteStageDialog>(L["DeleteStage"], new DialogParameters<DeleteStageDialog>
        {
            { d => d.Stage, stage }, { d => d.Stages, pipeline.Stages }, { d => d.LeadCount, leads },
        });
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;
        var target = leads > 0 ? result.Data as Guid? : null;
        if (await RunAsync(() => Pipelines.DeleteStageAsync(pipeline.Id, stage.Id, target), L["StageDeleted"])) _stageErrors.Remove(stage.Id);
        await RunAsync(() => LoadAsync(pipeline.Id));
    }

    public void Dispose() => _subscription?.Dispose();
}
