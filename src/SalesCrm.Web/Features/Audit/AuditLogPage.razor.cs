using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Audit;

/// <summary>The workspace's history, newest first, read through <see cref="AuditPresenter"/> (names, local times, formatted values).</summary>
public partial class AuditLogPage
{
    [Inject] private AuditQuery Audit { get; set; } = default!;
    [Inject] private TenantService Tenants { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;

    private MudTable<AuditEntryView>? _table;
    private IReadOnlyList<string> _entities = [];
    private string _currency = "BRL";
    private string? _entity, _action;
    private DateTime? _from, _to;

    protected override Task OnInitializedAsync() => RunAsync(async () =>
    {
        _entities = await Audit.EntitiesAsync();
        _currency = (await Tenants.GetWorkspaceAsync(Access)).Settings.DefaultCurrency;
    });

    private string EntityLabel(string entity)
    {
        var label = L[$"Entity_{entity}"];
        return label.ResourceNotFound ? entity : label.Value;
    }

    private async Task<TableData<AuditEntryView>> LoadAsync(TableState state, CancellationToken ct)
    {
        var result = new TableData<AuditEntryView> { Items = [], TotalItems = 0 };
        var filter = new AuditFilter(_entity, null, _action, null,
            _from is { } from ? Clock.ToUtc(from.Date) : null, _to is { } to ? Clock.ToUtc(to.Date.AddDays(1)) : null);
        await RunAsync(async () =>
        {
            var page = await Audit.ListAsync(filter, new PageRequest(state.PageSize, state.Page * state.PageSize), ct);
            var presenter = new AuditPresenter(L, Clock.ToLocal, await Audit.ReferencesAsync(page.Items, ct), _currency);
            result = new TableData<AuditEntryView> { Items = page.Items.Select(presenter.Present).ToList(), TotalItems = page.Total };
        });
        return result;
    }

    private Task ApplyAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
