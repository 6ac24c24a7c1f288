using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Features.Audit;

public partial class AuditLogPage
{
    [Inject] private AuditQuery Audit { get; set; } = default!;

    private MudTable<AuditLogDto>? _table;
    private IReadOnlyList<string> _entities = [];

    protected override Task OnInitializedAsync() => RunAsync(async () => _entities = await Audit.EntitiesAsync());
    private string? _entity, _action;
    private DateTime? _from, _to;

    private async Task<TableData<AuditLogDto>> LoadAsync(TableState state, CancellationToken ct)
    {
        var result = new TableData<AuditLogDto> { Items = [], TotalItems = 0 };
        var filter = new AuditFilter(_entity, null, _action, null,
            _from is { } from ? Clock.ToUtc(from.Date) : null, _to is { } to ? Clock.ToUtc(to.Date.AddDays(1)) : null);
        await RunAsync(async () =>
        {
            var page = await Audit.ListAsync(filter, new PageRequest(state.PageSize, state.Page * state.PageSize), ct);
            result = new TableData<AuditLogDto> { Items = page.Items, TotalItems = page.Total };
        });
        return result;
    }

    private Task ApplyAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>One line per field: <c>old → new</c> for entity changes, the plain value for actions like exports.</summary>
    internal static string ChangedFields(AuditLogDto entry) =>
        entry.Changes.ValueKind == JsonValueKind.Object
            ? string.Join("\n", entry.Changes.EnumerateObject().Select(p => $"{p.Name}: {Describe(p.Value)}"))
            : "";

    private static string Describe(JsonElement change)
    {
        if (change.ValueKind != JsonValueKind.Object || !(change.TryGetProperty("old", out _) || change.TryGetProperty("new", out _)))
            return change.ToString();
        var old = change.TryGetProperty("old", out var o) ? o.ToString() : null;
        var @new = change.TryGetProperty("new", out var n) ? n.ToString() : null;
        return old is null ? @new ?? "" : @new is null ? $"{old} →" : $"{old} → {@new}";
    }
}
