using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using FilterOperator = SalesCrm.Core.Common.Filtering.FilterOperator;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// A lead's automation runs (<see cref="WorkflowRunService.ListAsync"/> filtered on the lead, newest first) and the manual
/// start: a dialog of the active workflows with a manual trigger, started through <see cref="WorkflowRunService.StartAsync"/>
/// (the service of <c>POST /workflows/{id}/run</c>, which queues through the run starter). Reloaded on the lead's events
/// (a run's start, its actions on the lead, its end).
/// </summary>
public partial class LeadWorkflowRuns : IDisposable
{
    private const int Shown = 10;

    [Parameter, EditorRequired] public Guid LeadId { get; set; }
    [Inject] private WorkflowRunService Runs { get; set; } = default!;
    [Inject] private WorkflowRunViewService Views { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowRunsResource> R { get; set; } = default!;
    [Inject] private ILogger<LeadWorkflowRuns> Logger { get; set; } = default!;

    private IReadOnlyList<WorkflowRunDto>? _runs;
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private int _total;
    private bool _canManage;
    private IDisposable? _subscription;
    private int _loads;

    private RunTexts Texts => new(R);

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            _canManage = await Access.HasAsync(Capabilities.WorkflowsManage);
            await LoadAsync();
        });
        var live = new LiveRefresh(InvokeAsync, async () => { await RunAsync(LoadAsync); StateHasChanged(); }, Logger);
        _subscription = Bus.Watch(e => e.LeadId == LeadId, live.Request);
    }

    /// <remarks>
    /// Loads overlap (the start button's reload and a live one interleave at their awaits): only the latest one started
    /// is shown, or an older read finishing last would leave a finished run "running" with no event left to fix it.
    /// </remarks>
    private async Task LoadAsync()
    {
        var load = ++_loads;
        var page = await Runs.ListAsync([new FilterCondition("lead_id", FilterOperator.Eq, false, [LeadId.ToString()])], null, new PageRequest(Shown));
        var names = await Views.WorkflowNamesAsync();
        if (load != _loads) return;
        _names = names;
        _runs = page.Items;
        _total = page.Total;
    }

    private async Task OpenDialogAsync()
    {
        IReadOnlyList<WorkflowSummaryDto> workflows = [];
        if (!await RunAsync(async () => workflows = await Views.ManualWorkflowsAsync())) return;
        var parameters = new DialogParameters<RunWorkflowDialog> { { d => d.Workflows, workflows } };
        var result = await (await Dialogs.ShowAsync<RunWorkflowDialog>(R["RunWorkflowTitle"], parameters)).Result;
        if (result is null || result.Canceled || result.Data is not Guid workflowId) return;
        if (await RunAsync(() => Runs.StartAsync(workflowId, LeadId, null), R["StartedManual"]))
            await RunAsync(LoadAsync);
    }

    public void Dispose() => _subscription?.Dispose();
}
