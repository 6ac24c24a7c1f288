using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Gamification;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// The workspace's missions with the reader's progress bar for the current period; managers (<c>pipeline.manage</c>)
/// create, edit, archive and restore them through <see cref="MissionService"/>.
/// </summary>
public partial class MissionsPanel
{
    [Inject] private MissionService Missions { get; set; } = default!;
    [Inject] private ScoreQuery Scores { get; set; } = default!;

    private IReadOnlyList<MissionDto>? _missions;
    private IReadOnlyList<MissionProgress> _progress = [];
    private MissionDraft? _draft;

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

    private void New()
    {
        ClearErrors();
        _draft = new MissionDraft();
    }

    private void Edit(MissionDto m)
    {
        ClearErrors();
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
