using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using FilterOperator = SalesCrm.Core.Common.Filtering.FilterOperator;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// All runs (<c>/workflow-runs</c>) or one workflow's (<c>/workflows/{id}/runs</c>), through <see cref="WorkflowRunService.ListAsync"/>
/// (the API's list: <c>leads.read</c>, a rep with visibility <c>own</c> sees runs of their leads only), filtered by status,
/// workflow, lead and start date, paged on the server; reloaded when a <c>workflow.*</c> event commits.
/// </summary>
public partial class WorkflowRunsPage : IDisposable
{
    public static readonly IReadOnlyList<string> Statuses =
        [WorkflowRunStatuses.Running, WorkflowRunStatuses.Waiting, WorkflowRunStatuses.Completed, WorkflowRunStatuses.Failed, WorkflowRunStatuses.Cancelled];

    [Parameter] public Guid? WorkflowId { get; set; }
    /// <summary><c>?lead=</c>: the lead page's "all runs" link opens the list filtered on its lead.</summary>
    [SupplyParameterFromQuery(Name = "lead")] public Guid? LeadFilter { get; set; }
    /// <summary><c>?status=</c>: opens the list on one state (<c>/workflow-runs?status=failed</c>).</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [Inject] private WorkflowRunService Runs { get; set; } = default!;
    [Inject] private WorkflowRunViewService Views { get; set; } = default!;
    [Inject] private LeadQuery Leads { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowRunsResource> R { get; set; } = default!;
    [Inject] private ILogger<WorkflowRunsPage> Logger { get; set; } = default!;

    private MudTable<WorkflowRunDto>? _table;
    private IReadOnlyDictionary<Guid, string> _workflowNames = new Dictionary<Guid, string>();
    private Dictionary<Guid, string> _leadNames = [];
    private string? _status;
    private Guid? _workflow, _lead;
    private DateRange? _range;
    private int _total = -1;
    private bool _loading = true, _canManage, _ready;
    private IDisposable? _subscription;

    private RunTexts Texts => new(R);

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private string Title => WorkflowId is { } id ? string.Format(R["RunsOf"], _workflowNames.GetValueOrDefault(id, R["Workflow"])) : R["Runs"];

    private bool HasFilters => _status is not null || _workflow is not null || _lead is not null || _range?.Start is not null || _range?.End is not null;

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            _canManage = await Access.HasAsync(Capabilities.WorkflowsManage);
            _workflowNames = await Views.WorkflowNamesAsync();
            if (StatusFilter is { } status && Statuses.Contains(status)) _status = status;
            if (LeadFilter is { } lead)
            {
                _lead = lead;
                foreach (var (id, name) in await Views.LeadNamesAsync([lead])) _leadNames[id] = name;
            }
        });
        // The table asks for its first page once shown: only after the filters from the address are in place.
        _ready = true;
        if (CurrentUser.TenantId is not { } tenantId) return;
        var live = new LiveRefresh(InvokeAsync, ReloadAsync, Logger);
        _subscription = Bus.Watch(e => e.TenantId == tenantId && e.Type.StartsWith("workflow.", StringComparison.Ordinal), live.Request);
    }

    /// <summary>
    /// A link from /workflow-runs to one workflow's runs (or between two workflows) keeps this page and changes only
    /// <see cref="WorkflowId"/>: the table reloads for it.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        var changed = _parametersSeen && _shownWorkflow != WorkflowId;
        (_shownWorkflow, _parametersSeen) = (WorkflowId, true);
        if (changed && _ready) await ReloadAsync();
    }

    private Guid? _shownWorkflow;
    private bool _parametersSeen;

    /// <summary>The filters in the API's grammar (<c>status=eq.failed&amp;started_at=gte.…</c>).</summary>
    public static List<FilterNode> Filters(Guid? workflowId, string? status, Guid? leadId, DateTime? fromUtc, DateTime? toUtc)
    {
        var filters = new List<FilterNode>();
        void Add(string field, FilterOperator op, string value) => filters.Add(new FilterCondition(field, op, false, [value]));
        if (workflowId is { } w) Add("workflow_id", FilterOperator.Eq, w.ToString());
        if (status is not null) Add("status", FilterOperator.Eq, status);
        if (leadId is { } l) Add("lead_id", FilterOperator.Eq, l.ToString());
        if (fromUtc is { } from) Add("started_at", FilterOperator.Gte, from.ToString("O"));
        if (toUtc is { } to) Add("started_at", FilterOperator.Lt, to.ToString("O"));
        return filters;
    }

    private async Task<TableData<WorkflowRunDto>> LoadAsync(TableState state, CancellationToken ct)
    {
        var from = _range?.Start is { } start ? Clock.ToUtc(start.Date) : (DateTime?)null;
        var to = _range?.End is { } end ? Clock.ToUtc(end.Date.AddDays(1)) : (DateTime?)null;
        var filters = Filters(WorkflowId ?? _workflow, _status, _lead, from, to);
        Paged<WorkflowRunDto>? page = null;
        await RunAsync(async () =>
        {
            page = await Runs.ListAsync(filters, null, new PageRequest(state.PageSize, state.Page * state.PageSize), ct);
            foreach (var (id, name) in await Views.LeadNamesAsync(page.Items.Where(r => r.LeadId is not null).Select(r => r.LeadId!.Value), ct)) _leadNames[id] = name;
        });
        _total = page?.Total ?? 0;
        _loading = false;
        StateHasChanged();
        return new TableData<WorkflowRunDto> { Items = page?.Items ?? [], TotalItems = _total };
    }

    private async Task ReloadAsync()
    {
        if (_table is not null) await _table.ReloadServerData();
        StateHasChanged();
    }

    private async Task<IEnumerable<Guid?>> SearchLeadsAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var page = await Leads.ListAsync(new LeadListRequest([], Q: text, Limit: 10), ct);
        foreach (var lead in page.Items) _leadNames[lead.Id] = lead.Name;
        return page.Items.Select(l => (Guid?)l.Id).ToList();
    }

    private Task StatusChangedAsync(string? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task WorkflowChangedAsync(Guid? workflow)
    {
        _workflow = workflow;
        return ReloadAsync();
    }

    private Task LeadChangedAsync(Guid? lead)
    {
        _lead = lead;
        return ReloadAsync();
    }

    private Task RangeChangedAsync(DateRange? range)
    {
        _range = range;
        return ReloadAsync();
    }

    private Task ClearFiltersAsync()
    {
        (_status, _workflow, _lead, _range) = (null, null, null, null);
        return ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
