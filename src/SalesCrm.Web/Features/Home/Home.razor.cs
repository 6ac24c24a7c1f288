using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Home;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Home;

/// <summary>
/// The first page after signing in: the member's score card (points this week, rank, missions) and own day (<see cref="MyDayService"/>), kept
/// current while open by the workspace's committed events and conversation reads. A member who cannot read leads gets
/// a pointer to the menu instead.
/// </summary>
public partial class Home : IDisposable
{
    [Inject] private MyDayService MyDay { get; set; } = default!;
    [Inject] private SalesCrm.Core.Gamification.ScoreQuery Scores { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private TenantService Tenants { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ConversationActivity Reads { get; set; } = default!;
    [Inject] private ILogger<Home> Logger { get; set; } = default!;

    private TenantDto? _tenant;
    private MyDay? _day;
    private SalesCrm.Core.Gamification.ScoreCard? _card;
    private bool _loaded;
    private IDisposable? _events, _reads;

    protected override async Task OnInitializedAsync()
    {
        if (CurrentUser.TenantId is not { } tenantId) return;
        _tenant = await Tenants.FindAsync(tenantId);
        await LoadAsync();
        if (_day is null) return;
        var live = new LiveRefresh(InvokeAsync, async () => { await LoadAsync(); StateHasChanged(); }, Logger);
        _events = Bus.Watch(e => e.TenantId == tenantId, live.Request);
        _reads = Reads.Watch(tenantId, live.Request);
    }

    private async Task LoadAsync()
    {
        await RunAsync(async () =>
        {
            var reads = await Access.HasAsync(Capabilities.LeadsRead);
            _day = reads ? await MyDay.GetAsync(Clock.Zone) : null;
            _card = reads && CurrentUser.UserId is not null ? await Scores.CardAsync() : null;
        });
        _loaded = true;
    }

    public void Dispose()
    {
        _events?.Dispose();
        _reads?.Dispose();
    }
}
