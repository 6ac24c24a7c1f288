using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Leads;

/// <summary>The lead list: server-side paging, sorting and filtering through the same grammar as the API.</summary>
public partial class LeadList
{
    [Inject] private LeadQuery Query { get; set; } = default!;
    [Inject] private LeadService Leads { get; set; } = default!;
    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;

    private MudDataGrid<LeadDto>? _grid;
    private HashSet<LeadDto> _selected = [];
    private IReadOnlyList<PersonDto> _people = [];
    private List<StageDto> _stages = [];
    private Dictionary<Guid, string> _stageNames = [];
    private string? _q, _bulkTag;
    private Guid? _bulkOwner, _bulkStage;
    private bool _canWrite, _canDelete, _canExport, _showImport;
    /// <summary>A rep who sees only their own leads gets no owner column or filter: it could only hold themselves.</summary>
    private bool _ownOnly;
    private readonly LeadListFilters _f = new();
    private List<FilterCondition> _filters = [];
    private IReadOnlyList<SortKey>? _order;
    private bool _totalExact = true;
    /// <summary>The total and page of the last load: a jump onto the last page of a capped total is the pager's "last page".</summary>
    private int _lastTotal, _lastPage;
    private bool _goToLast;

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            _canWrite = await Access.HasAsync(Capabilities.LeadsWrite);
            _canDelete = await Access.HasAsync(Capabilities.LeadsDelete);
            _canExport = await Access.HasAsync(Capabilities.LeadsExport);
            _ownOnly = await Access.GetVisibilityAsync() == VisibilityScope.Own;
            _people = await Members.DirectoryAsync();
            var pipelines = await Pipelines.ListAsync();
            _stages = pipelines.SelectMany(p => p.Stages).ToList();
            // With several pipelines a stage name alone is ambiguous (each has its "Novo"): "Pipeline · Stage".
            _stageNames = pipelines.SelectMany(p => p.Stages.Select(s => (s.Id, Label: pipelines.Count > 1 ? $"{p.Name} · {s.Name}" : s.Name)))
                .ToDictionary(x => x.Id, x => x.Label);
        });
    }

    private async Task<GridData<LeadDto>> LoadAsync(GridState<LeadDto> state, CancellationToken ct)
    {
        _filters = _f.ToConditions(Clock.Today, Clock.ToUtc);
        _order = state.SortDefinitions.Count == 0 ? null
            : state.SortDefinitions.OrderBy(s => s.Index).Select(s => new SortKey(Tag(s.SortBy, state), s.Descending)).Where(k => k.Field.Length > 0).ToList();
        if (_order is { Count: 0 }) _order = null;
        var result = new GridData<LeadDto> { Items = [], TotalItems = 0 };
        // The pager's last page of a total that stopped counting ("mais de 1.000") is not the list's last page: count
        // exactly first, then, when the pager jumped there ("last page", not "next"), go on to the real last page.
        var cappedEnd = !_totalExact && _lastTotal > 0 && state.Page >= (_lastTotal - 1) / state.PageSize;
        var jumped = cappedEnd && state.Page > _lastPage + 1;
        var realLast = -1;
        await RunAsync(async () =>
        {
            var page = await Query.ListAsync(new LeadListRequest(_filters, _order, _q, state.PageSize, state.Page * state.PageSize,
                cappedEnd ? CountMode.Exact : CountMode.Capped), ct);
            result = new GridData<LeadDto> { Items = page.Items, TotalItems = page.Total };
            _totalExact = page.TotalExact;
            _lastTotal = page.Total;
            _lastPage = state.Page;
            if (jumped && page.TotalExact && (page.Total - 1) / state.PageSize > state.Page) realLast = (page.Total - 1) / state.PageSize;
        });
        // Once the grid has rendered the exact total, so that its last page is the real one.
        _goToLast = realLast >= 0;
        StateHasChanged();
        return result;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        base.OnAfterRender(firstRender);
        if (!_goToLast || _grid is null) return;
        _goToLast = false;
        _grid.NavigateTo(Page.Last);
    }

    private string Tag(string sortBy, GridState<LeadDto> state) =>
        _grid?.RenderedColumns.FirstOrDefault(c => c.PropertyName == sortBy || c.Title == sortBy)?.Tag as string ?? SnakeCase(sortBy);

    private static string SnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>"1–25 de 60", or "1–25 de mais de 1.000" when the list stopped counting (see <c>ListTotal</c>).</summary>
    private string PagerInfo => _totalExact ? "{first_item}-{last_item} " + L["Of"] + " {all_items}" : "{first_item}-{last_item} " + L["OfMoreThan"] + " {all_items}";

    /// <summary>The export link carries the list's current filter in the API grammar.</summary>
    private string ExportUrl
    {
        get
        {
            var parts = _filters.Select(f => FilterGrammar.Format(f).Split('=', 2)).Select(kv => $"{Uri.EscapeDataString(kv[0])}={Uri.EscapeDataString(kv[1])}").ToList();
            if (!string.IsNullOrWhiteSpace(_q)) parts.Add($"q={Uri.EscapeDataString(_q)}");
            if (_order is { Count: > 0 }) parts.Add("order=" + Uri.EscapeDataString(string.Join(",", _order.Select(o => $"{o.Field}.{(o.Descending ? "desc" : "asc")}"))));
            return "/files/leads-export" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
        }
    }

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private async Task SearchAsync(string? q)
    {
        _q = q;
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private Task BulkAssignAsync() => BulkAsync(lead => Leads.AssignAsync(lead.Id, _bulkOwner));
    private Task BulkMoveAsync() => BulkAsync(lead => Leads.MoveAsync(lead.Id, new MoveRequest(_bulkStage!.Value, LostReason: "Bulk")));
    private Task BulkTagAsync() => BulkAsync(lead => Leads.UpdateAsync(lead.Id, new LeadPatch { Tags = [.. lead.Tags, _bulkTag!] }));
    private async Task BulkDeleteAsync()
    {
        if (!await ConfirmAsync(Plurals.For(L, "DeleteLeadsQuestion", _selected.Count, _selected.Count), L["Delete"])) return;
        await BulkAsync(async lead => { await Leads.DeleteAsync(lead.Id); return lead; });
    }

    private async Task BulkAsync(Func<LeadDto, Task<LeadDto>> action)
    {
        var done = 0;
        foreach (var lead in _selected.ToList())
        {
            if (await RunAsync(() => action(lead))) done++;
        }
        Snackbar.Add($"{done} {Plurals.For(L, "Updated", done)}", Severity.Success);
        _selected = [];
        if (_grid is not null) await _grid.ReloadServerData();
    }
}
