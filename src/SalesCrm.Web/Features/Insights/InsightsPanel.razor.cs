using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Insights;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// Loads the new insights the member may see (<see cref="InsightService"/>), reloads when one is generated or resolved in the
/// workspace (<see cref="EventTypes.InsightGenerated"/> on the bus, the notice the hub forwards as <c>InsightGenerated</c>),
/// and dismisses or marks them done.
/// </summary>
public partial class InsightsPanel : IDisposable
{
    /// <summary>How many new insights the panel lists.</summary>
    public const int Shown = 6;

    [Inject] private InsightService Insights { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ILogger<InsightsPanel> Logger { get; set; } = default!;

    private bool _allowed;
    private IReadOnlyList<InsightDto> _items = [];
    private IReadOnlyDictionary<Guid, string> _leadNames = new Dictionary<Guid, string>();
    private IDisposable? _events;

    protected override async Task OnInitializedAsync()
    {
        if (CurrentUser.TenantId is not { } tenantId || !await Insights.CanListAsync()) return;
        _allowed = true;
        await LoadAsync();
        var live = new LiveRefresh(InvokeAsync, async () => { await LoadAsync(); StateHasChanged(); }, Logger);
        _events = Bus.Watch(e => e.TenantId == tenantId && e.Type == EventTypes.InsightGenerated, live.Request);
    }

    private async Task LoadAsync() => await RunAsync(async () =>
    {
        var page = await Insights.ListAsync(new InsightListQuery(Status: "new", Limit: Shown, Culture: System.Globalization.CultureInfo.CurrentUICulture.Name));
        _leadNames = await Insights.LeadNamesAsync(page.Items.SelectMany(i => i.Evidence.LeadIds.Take(InsightList.ShownLeads)));
        _items = page.Items;
    });

    private async Task ResolveAsync((Guid Id, InsightStatus Status) change)
    {
        if (await RunAsync(() => Insights.UpdateAsync(change.Id, new InsightPatch(SalesCrm.Core.Data.SnakeEnum.ToText(change.Status)))))
            _items = _items.Where(i => i.Id != change.Id).ToList();
    }

    private async Task GenerateAsync() => await RunAsync(() => Insights.RequestGenerationAsync(), L["InsightsRequested"]);

    public void Dispose() => _events?.Dispose();
}
