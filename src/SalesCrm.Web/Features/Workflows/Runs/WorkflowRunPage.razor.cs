using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// One run (<c>/workflow-runs/{id}</c>): the graph of the version it ran on, read-only on the designer's canvas and mapper,
/// with the path taken highlighted (<see cref="RunPath"/>), its steps with timings, input, output and errors, what a waiting
/// run waits for, and cancel / retry (<c>workflows.manage</c>) through <see cref="WorkflowRunService"/>, the API's service.
/// Follows the run while it advances: committed events of the run's lead and <c>workflow.*</c> events reload it, and so does
/// a short poll while it is running or waiting (a step commits no event of its own).
/// </summary>
public partial class WorkflowRunPage : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private const string TakenColor = "#2e7d32", OtherColor = "#8a94a6";

    [Parameter] public Guid Id { get; set; }
    [Inject] private WorkflowRunService Runs { get; set; } = default!;
    [Inject] private WorkflowRunViewService Views { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowRunsResource> R { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowsResource> W { get; set; } = default!;
    [Inject] private ILogger<WorkflowRunPage> Logger { get; set; } = default!;

    // A run's graph is read, not edited: never zoomed in past life size (OpeningFit keeps a small graph at zoom 1 too).
    private readonly BlazorDiagram _diagram = new(new BlazorDiagramOptions { GridSize = 20, Zoom = { Minimum = 0.2, Maximum = 1 } });
    private WorkflowDiagramMapper _mapper = default!;
    private WorkflowRunView? _view;
    private RunPath _path = RunPath.Empty;
    private string? _selected;
    private (Guid WorkflowId, int Version)? _drawn;
    private bool _canManage, _missing;
    private FitWhenMeasured _openingFit = default!;
    private IDisposable? _subscription;
    private CancellationTokenSource? _poll;

    private RunTexts Texts => new(R);

    /// <summary>The app's layout (absent in a test renderer): the run's graph gets the menu's width, as in the designer.</summary>
    [CascadingParameter] private SalesCrm.Web.Components.Layout.MainLayout? Layout { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Layout?.FoldNavigation();
        var texts = new WorkflowTexts(W);
        _openingFit = new FitWhenMeasured(_diagram, InvokeAsync);
        _mapper = new WorkflowDiagramMapper((type, port) => texts.Port(type, port));
        _diagram.RegisterComponent<WorkflowNodeModel, RunNodeWidget>();
        // Read-only: nodes neither move nor link nor delete; clicking one still selects it (its steps show on the side).
        _diagram.UnregisterBehavior<DragMovablesBehavior>();
        _diagram.UnregisterBehavior<DragNewLinkBehavior>();
        _diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        _diagram.Options.Links.DefaultColor = OtherColor;
        _diagram.SelectionChanged += model =>
        {
            if (model is WorkflowNodeModel node && node.Selected) InvokeAsync(() => { Select(node.Id); StateHasChanged(); });
        };

        await RunAsync(async () => _canManage = await Access.HasAsync(Capabilities.WorkflowsManage));
        await LoadAsync();
        if (CurrentUser.TenantId is not { } tenantId || _view is null) return;
        var live = new LiveRefresh(InvokeAsync, async () => { await LoadAsync(); StateHasChanged(); }, Logger);
        var leadId = _view.Run.LeadId;
        _subscription = Bus.Watch(e => e.TenantId == tenantId && ((leadId is not null && e.LeadId == leadId) || e.Type.StartsWith("workflow.", StringComparison.Ordinal)), live.Request);
        _poll = new CancellationTokenSource();
        _ = PollAsync(live, _poll.Token);
    }

    private async Task PollAsync(LiveRefresh live, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                if (_view?.Run.Status is WorkflowRunStatuses.Running or WorkflowRunStatuses.Waiting) live.Request();
        }
        catch (OperationCanceledException) { }
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Views.GetAsync(Id);
        }
        catch (NotFoundException)
        {
            _missing = true;
            _view = null;
            return;
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(L["AccessDenied"], Severity.Error);
            _missing = true;
            return;
        }
        _path = new RunPath(_view.Run.Steps);
        if (_drawn != (_view.Run.WorkflowId, _view.Run.Version))
        {
            _mapper.Load(_diagram, _view.Graph);
            _drawn = (_view.Run.WorkflowId, _view.Run.Version);
            foreach (var node in _diagram.Nodes) node.Locked = true;
            _openingFit.Watch();
        }
        Emphasize();
    }

    /// <summary>Links the run took are drawn thick and green; the rest stay thin and grey.</summary>
    private void Emphasize()
    {
        foreach (var link in _diagram.Links.OfType<WorkflowLinkModel>())
        {
            var taken = link.SourcePort is { Name: { } port } source && link.TargetPort is { } target && _path.Took(source.Node.Id, port, target.Node.Id);
            link.Color = taken ? TakenColor : OtherColor;
            link.Width = taken ? 4 : 2;
            link.Refresh();
        }
        foreach (var node in _diagram.Nodes) node.Refresh();
    }

    private void Select(string? nodeId) => _selected = nodeId;

    private string WaitingText(WorkflowRunWaitingDto waiting) => RunWaitingText.For(R, waiting, Clock.ToLocal);

    private async Task CancelAsync()
    {
        if (!await ConfirmAsync(R["CancelQuestion"], R["Cancel"])) return;
        if (await RunAsync(() => Runs.CancelAsync(Id), R["Cancelled"])) await LoadAsync();
    }

    private async Task RetryAsync()
    {
        if (!await ConfirmAsync(R["RetryQuestion"], R["RetryShort"])) return;
        if (await RunAsync(() => Runs.RetryAsync(Id), R["Retried"])) await LoadAsync();
    }

    public void Dispose()
    {
        Layout?.RestoreNavigation();
        _subscription?.Dispose();
        _openingFit?.Dispose();
        _poll?.Cancel();
        _poll?.Dispose();
    }
}
