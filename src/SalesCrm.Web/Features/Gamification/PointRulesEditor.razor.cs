using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// The workspace's points table for managers (<c>pipeline.manage</c>): points per event and on/off, the fast-reply
/// threshold. Saving stores the table and replays the event log, so past activities are scored by the new table
/// (idempotent: saving twice gives the same scores).
/// </summary>
public partial class PointRulesEditor
{
    [Inject] private PointRuleService Rules { get; set; } = default!;

    /// <summary>Raised after the table was saved and the scores recomputed.</summary>
    [Parameter] public EventCallback Saved { get; set; }

    private List<PointRuleDraft>? _rows;

    protected override string FormName => "rules";

    protected override IReadOnlyCollection<string> ShownFields =>
        _rows is null ? [] : Enumerable.Range(0, _rows.Count).SelectMany(i => new[] { $"items[{i}].points", $"items[{i}].threshold_minutes" }).ToList();

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => RunAsync(async () => _rows = (await Rules.ListAsync()).Select(PointRuleDraft.From).ToList());

    private async Task SaveAsync()
    {
        ReplayResult? replay = null;
        var ok = await RunAsync(async () =>
        {
            await Rules.PutAsync(_rows!.Select(r => r.ToInput()).ToList());
            replay = await Rules.ReplayAsync();
        });
        if (!ok) return;
        Snackbar.Add(string.Format(L["PointRulesSaved"], replay!.Events), MudBlazor.Severity.Success);
        await LoadAsync();
        await Saved.InvokeAsync();
    }
}
