using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// <c>/reports</c> (<c>/reports/pipeline</c>, <c>…/leads</c>, <c>…/communication</c>, <c>…/team</c>, <c>…/marketing</c>,
/// <c>…/forecast</c>): the six dashboards under one filter bar (period, pipeline, owner for those who see everyone's leads), a
/// drill-down list above the tabs and a print button. Each tab loads its own report from its analytics service.
/// </summary>
public partial class ReportsPage
{
    public static readonly IReadOnlyList<string> Tabs = ["pipeline", "leads", "communication", "team", "marketing", "forecast"];

    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public string? Tab { get; set; }

    private IReadOnlyList<PipelineDto> _pipelines = [];
    private IReadOnlyList<PersonDto> _people = [];
    private bool _ownOnly;
    private DateRange? _range;
    private Guid? _pipelineId, _ownerId;
    private string? _currency;
    private int _tab;
    private ReportDrill? _drill;

    /// <summary>The filters every tab reads; a new instance on each change so tabs reload.</summary>
    private AnalyticsRequest Request { get; set; } = new();

    private string PeriodText => _range?.Start is { } s && _range.End is { } e ? $"{s:d} – {e:d}" : L["ReportLast30Days"];

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            _ownOnly = await Access.GetVisibilityAsync() == VisibilityScope.Own;
            _pipelines = await Pipelines.ListAsync();
            if (!_ownOnly) _people = await Members.DirectoryAsync();
        });
    }

    protected override void OnParametersSet()
    {
        var index = Tabs.ToList().IndexOf(Tab ?? "");
        _tab = index < 0 ? 0 : index;
    }

    private void Rebuild() => Request = new AnalyticsRequest(
        _range?.Start is { } s ? DateOnly.FromDateTime(s) : null, _range?.End is { } e ? DateOnly.FromDateTime(e) : null, _pipelineId, _ownerId, null, _currency);

    private Task RangeChangedAsync(DateRange? range) { _range = range; return Changed(); }
    private Task PipelineChangedAsync(Guid? id) { _pipelineId = id; return Changed(); }
    private Task OwnerChangedAsync(Guid? id) { _ownerId = id; return Changed(); }
    private Task CurrencyChangedAsync(string? currency) { _currency = currency; return Changed(); }

    private Task Changed()
    {
        _drill = null;
        Rebuild();
        return Task.CompletedTask;
    }

    private void Drill(ReportDrill drill) => _drill = drill;

    private void TabChanged(int index)
    {
        _tab = index;
        _drill = null;
        Navigation.NavigateTo($"/reports/{Tabs[index]}", new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private async Task PrintAsync()
    {
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
        await module.InvokeVoidAsync("printPage");
    }
}
