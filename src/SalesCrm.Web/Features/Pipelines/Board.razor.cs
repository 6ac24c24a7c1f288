using Microsoft.JSInterop;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using FilterOperator = SalesCrm.Core.Common.Filtering.FilterOperator;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// The Kanban board. Columns load a bounded number of cards each ("load more" for the rest), drag and drop and the
/// card menu move leads through <see cref="LeadService.MoveAsync"/> with the card's version, and committed events
/// from anyone (the same stream the SignalR hub serves) update the board without a page reload; a burst of events
/// costs one or two board reloads (<see cref="LiveRefresh"/>), not one each.
/// </summary>
public partial class Board : IDisposable
{
    public const int PageSize = 20;

    /// <summary>How long a card just created by quick add stays highlighted.</summary>
    public static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(6);

    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private LeadQuery Query { get; set; } = default!;
    [Inject] private LeadService Leads { get; set; } = default!;
    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ILogger<Board> Logger { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    private IJSObjectReference? _app;
    [SupplyParameterFromQuery(Name = "pipeline")] private Guid? PipelineId { get; set; }

    private MudDropContainer<LeadDto>? _container;
    private IReadOnlyList<PipelineDto> _pipelines = [];
    private PipelineDto? _pipeline;
    private IReadOnlyList<StageDto> _stages = [];
    private List<LeadDto> _cards = [];
    private IReadOnlyDictionary<Guid, StageTotals> _totals = new Dictionary<Guid, StageTotals>();
    private readonly Dictionary<Guid, int> _loaded = new();
    private IReadOnlyList<PersonDto> _people = [];
    private string? _q, _tag;
    private Guid? _owner;
    private LeadPriority? _priority;
    private LeadSource? _source;
    private string _currency = "BRL";
    private bool _canWrite;
    /// <summary>A rep who sees only their own leads gets no owner filter: it could only hold themselves.</summary>
    private bool _ownOnly;
    private bool _refreshZones;
    private IDisposable? _subscription, _pipelineSubscription;
    private Guid? _tenantId;
    private Guid? _justAdded;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        _tenantId = Access.User.TenantId;
        await RunAsync(async () =>
        {
            _canWrite = await Access.HasAsync(Capabilities.LeadsWrite);
            _ownOnly = await Access.GetVisibilityAsync() == VisibilityScope.Own;
            _pipelines = await Pipelines.ListAsync();
            _people = await Members.DirectoryAsync();
            await OpenPipelineAsync(PipelineId);
        });
        var live = new LiveRefresh(InvokeAsync, async () => { await ReloadAsync(); StateHasChanged(); }, Logger);
        _subscription = Bus.Watch(e => e.TenantId == _tenantId && e.LeadId is not null && _pipeline is not null && IsBoardEvent(e.Type), live.Request);
        var stages = new LiveRefresh(InvokeAsync, async () => { await RunAsync(ReopenAsync); StateHasChanged(); }, Logger);
        _pipelineSubscription = Bus.Watch(e => e.TenantId == _tenantId && e.Type == EventTypes.PipelineChanged, stages.Request);
    }

    /// <summary>A manager changed pipelines or stages: read them again, staying on this pipeline unless it was deleted.</summary>
    private async Task ReopenAsync()
    {
        _pipelines = await Pipelines.ListAsync();
        await OpenPipelineAsync(_pipelines.Any(p => p.Id == _pipeline?.Id) ? _pipeline!.Id : null);
    }

    private async Task OpenPipelineAsync(Guid? id)
    {
        _pipeline = await Pipelines.GetOrDefaultAsync(id);
        _stages = _pipeline.Stages.Where(s => s.IsActive).ToList();
        _loaded.Clear();
        await ReloadAsync();
    }

    private List<FilterCondition> Filters()
    {
        var filters = new List<FilterCondition> { new("pipeline_id", FilterOperator.Eq, false, [_pipeline!.Id.ToString()]) };
        if (_owner is { } owner) filters.Add(new("owner_id", FilterOperator.Eq, false, [owner.ToString()]));
        if (_priority is { } priority) filters.Add(new("priority", FilterOperator.Eq, false, [SnakeEnum.ToText(priority)]));
        if (_source is { } source) filters.Add(new("source", FilterOperator.Eq, false, [SnakeEnum.ToText(source)]));
        if (!string.IsNullOrWhiteSpace(_tag)) filters.Add(new("tags", FilterOperator.Contains, false, [_tag.Trim().ToLowerInvariant()]));
        return filters;
    }

    /// <summary>
    /// Reloads every column with the current filters in one read, keeping how many cards each column shows. While the
    /// page is prerendered (before the circuit connects) the columns show their totals but no cards: the interactive
    /// render reads and renders the cards anyway, so doing it twice only delayed the live board.
    /// </summary>
    private async Task ReloadAsync()
    {
        var take = RendererInfo.IsInteractive ? _stages.ToDictionary(s => s.Id, s => _loaded.GetValueOrDefault(s.Id, PageSize)) : [];
        var board = await Query.BoardAsync(new LeadListRequest(Filters(), null, _q), take);
        _cards = board.Cards.ToList();
        _totals = board.Totals;
        _currency = _cards.FirstOrDefault()?.Currency ?? _currency;
        _refreshZones = true;
    }

    /// <summary>
    /// The drop container caches each zone's items: re-sort them once the new cards have been rendered in. (Skipping this
    /// after the container's first render left the zones empty now and then: their items may be read before the cards.)
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _app = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
            await _app.InvokeVoidAsync("trackBoardDrops");
        }
        if (!_refreshZones || _container is null) return;
        _refreshZones = false;
        _container.Refresh();
    }

    private async Task LoadMoreAsync(StageDto stage)
    {
        _loaded[stage.Id] = _loaded.GetValueOrDefault(stage.Id, PageSize) + PageSize;
        await RunAsync(ReloadAsync);
    }

    private async Task OnDroppedAsync(MudItemDropInfo<LeadDto> drop)
    {
        if (drop.Item is null || !Guid.TryParse(drop.DropzoneIdentifier, out var stageId)) return;
        var stage = _stages.First(s => s.Id == stageId);
        var target = _app is null ? null : await _app.InvokeAsync<BoardDropTarget?>("lastBoardDropTarget");
        await MoveAsync(drop.Item, stage, target?.IndexIn(_cards, stageId, drop.Item.Id) ?? drop.IndexInZone);
    }

    private Task MoveViaMenuAsync((LeadDto Lead, StageDto Stage) move) => MoveAsync(move.Lead, move.Stage, null);

    /// <summary>Moves a card; a lost stage asks for the reason first; a stale version snaps the board to the winner's state.</summary>
    private async Task MoveAsync(LeadDto lead, StageDto stage, int? index)
    {
        string? lostReason = null;
        if (stage.Kind == StageKind.Lost && stage.Id != lead.StageId)
        {
            var dialog = await Dialogs.ShowAsync<LostReasonDialog>(L["LostReason"]);
            var result = await dialog.Result;
            if (result is null || result.Canceled)
            {
                await RunAsync(ReloadAsync);
                return;
            }
            lostReason = result.Data as string;
        }
        LeadDto? moved = null;
        await RunAsync(async () =>
        {
            try
            {
                moved = await Leads.MoveAsync(lead.Id, new MoveRequest(stage.Id, index, lead.Version, lostReason));
            }
            catch (ConflictException)
            {
                // Someone else moved or edited it first: their state wins and the board snaps to it.
                Snackbar.Add(L["MovedBySomeoneElse"], Severity.Warning);
            }
        });
        if (moved is { Status: LeadStatus.Won }) Snackbar.Add(L["DealWon"], Severity.Success);
        await RunAsync(ReloadAsync);
    }

    /// <summary>Creates the lead typed in above a column, first in that column, and highlights its card for <see cref="HighlightFor"/>.</summary>
    private async Task<bool> QuickAddAsync(StageDto stage, string name)
    {
        LeadCreateResult? created = null;
        if (!await RunAsync(async () => created = await Leads.CreateAsync(new LeadInput { Name = name, StageId = stage.Id, PipelineId = _pipeline!.Id, AtTop = true })))
            return false;
        _justAdded = created!.Lead.Id;
        _ = ClearHighlightAsync(created.Lead.Id);
        await RunAsync(ReloadAsync);
        return true;
    }

    private async Task ClearHighlightAsync(Guid leadId)
    {
        try
        {
            await Task.Delay(HighlightFor, _disposed.Token);
            await InvokeAsync(() =>
            {
                if (_justAdded != leadId) return;
                _justAdded = null;
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The board was closed.
        }
    }

    private static bool IsBoardEvent(string type) => PipelineBroadcaster.MessageFor(type) is not null;

    private async Task SelectPipelineAsync(Guid id) => await RunAsync(() => OpenPipelineAsync(id));
    private async Task SearchAsync(string? q) { _q = q; await RunAsync(ReloadAsync); }
    private async Task OwnerChangedAsync(Guid? owner) { _owner = owner; await RunAsync(ReloadAsync); }
    private async Task PriorityChangedAsync(LeadPriority? priority) { _priority = priority; await RunAsync(ReloadAsync); }
    private async Task SourceChangedAsync(LeadSource? source) { _source = source; await RunAsync(ReloadAsync); }
    private async Task TagChangedAsync(string? tag) { _tag = tag; await RunAsync(ReloadAsync); }

    public void Dispose()
    {
        _subscription?.Dispose();
        _pipelineSubscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
