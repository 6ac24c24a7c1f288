using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Gamification;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// The workspace's missions with the reader's progress bar for the current period; managers (<c>pipeline.manage</c>)
/// create, edit, archive and restore them through <see cref="MissionService"/>. The rule picker offers the rules the points
/// table scores (<see cref="RuleChoices"/>).
/// </summary>
public partial class MissionsPanel
{
    [Inject] private MissionService Missions { get; set; } = default!;
    [Inject] private ScoreQuery Scores { get; set; } = default!;
    [Inject] private PointRuleService Rules { get; set; } = default!;

    private IReadOnlyList<MissionDto>? _missions;
    private IReadOnlyList<MissionProgress> _progress = [];
    private MissionDraft? _draft;
    private IReadOnlyList<PointRuleDto> _table = PointRules.Defaults;

    protected override string FormName => "mission";

    protected override IReadOnlyCollection<string> ShownFields => _draft is null ? [] : ["title", "rule_key", "target", "period", "points"];

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Reads the missions and the reader's progress again (the page calls it when activities are scored).</summary>
    public async Task LoadAsync()
    {
        await RunAsync(async () =>
        {
            _missions = await Missions.ListAsync();
            _progress = (await Scores.CardAsync()).Missions;
        });
        StateHasChanged();
    }

    private MissionProgress? ProgressOf(MissionDto m) => _progress.FirstOrDefault(p => p.MissionId == m.Id);

    /// <summary>"Visita realizada × 5 · Semana · 20 pts".</summary>
    internal string Detail(MissionDto m) => string.Format(L["MissionDetail"], GameLabels.Rule(L, m.RuleKey), m.Target, Labels.Of(L, m.Period), m.Points);

    /// <summary>
    /// The rules a mission can count, in the table's order: those the points table scores (a switched-off rule awards nothing,
    /// so a mission on it could never progress; the service refuses it too), plus the rule of the mission being edited when it
    /// was switched off since (<see cref="IsOff"/>), so the picker still shows what the mission counts.
    /// </summary>
    internal IReadOnlyList<string> RuleChoices => _table.Where(r => r.Enabled || r.Key == _draft?.RuleKey).Select(r => r.Key).ToList();

    /// <summary>Whether the points table has <paramref name="rule"/> switched off.</summary>
    internal bool IsOff(string rule) => _table.Any(r => r.Key == rule && !r.Enabled);

    private async Task NewAsync()
    {
        ClearErrors();
        if (!await RunAsync(async () => _table = await Rules.ListAsync())) return;
        var draft = new MissionDraft();
        if (IsOff(draft.RuleKey) && _table.FirstOrDefault(r => r.Enabled) is { } first) draft.RuleKey = first.Key;
        _draft = draft;
    }

    private async Task EditAsync(MissionDto m)
    {
        ClearErrors();
        if (!await RunAsync(async () => _table = await Rules.ListAsync())) return;
        _draft = MissionDraft.From(m);
    }

    private void Cancel()
    {
        ClearErrors();
        _draft = null;
    }

    private async Task SaveAsync()
    {
        var draft = _draft!;
        var ok = await RunAsync(async () =>
        {
            if (draft.Id is { } id) await Missions.UpdateAsync(id, draft.ToInput());
            else await Missions.CreateAsync(draft.ToInput());
        }, L["MissionSaved"]);
        if (!ok) return;
        _draft = null;
        await LoadAsync();
    }

    private async Task SetActiveAsync(MissionDto m, bool active)
    {
        if (await RunAsync(() => Missions.UpdateAsync(m.Id, new MissionInput(null, null, null, null, null, active)), L[active ? "MissionRestored" : "MissionArchived"]))
            await LoadAsync();
    }
}
