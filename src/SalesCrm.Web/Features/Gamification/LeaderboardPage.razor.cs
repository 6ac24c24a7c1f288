using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Gamification;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// The workspace's ranking by points for the day, week or month (workspace zone), refreshed as activities are scored;
/// tabs for missions (progress bars), quizzes to take and, for managers, the points table.
/// </summary>
public partial class LeaderboardPage
{
    [Inject] private ScoreQuery Scores { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ILogger<LeaderboardPage> Logger { get; set; } = default!;

    private string _period = "week";
    private Leaderboard? _board;
    private bool _ready;
    private IDisposable? _events;
    private MissionsPanel? _missions;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (CurrentUser.TenantId is not { } tenantId) return;
        // Points are written when the outbox hands an event over, a moment after the bus sees it: read again a little later too.
        var live = new LiveRefresh(InvokeAsync, async () => { await Task.Delay(500); await LoadAsync(); if (_missions is not null) await _missions.LoadAsync(); StateHasChanged(); }, Logger);
        _events = Bus.Watch(e => e.TenantId == tenantId, live.Request);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) { _ready = true; StateHasChanged(); }
    }

    private async Task PeriodChangedAsync(string period)
    {
        _period = period;
        await LoadAsync();
    }

    private Task LoadAsync() => RunAsync(async () => _board = await Scores.LeaderboardAsync(_period, null));

    public void Dispose() => _events?.Dispose();
}
