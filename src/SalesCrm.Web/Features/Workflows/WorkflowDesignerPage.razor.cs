using System.Text.Json;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The workflow designer: the draft graph on a Blazor.Diagrams canvas (<see cref="WorkflowDiagramMapper"/>), edited with
/// the mouse or from the side panel, validated as it changes by the API's validator, autosaved through
/// <see cref="WorkflowService"/> (the service the API uses), published only without problems.
/// </summary>
public partial class WorkflowDesignerPage
{
    /// <summary>A refused name shows under its box, not only in a snackbar.</summary>
    protected override IReadOnlyCollection<string> ShownFields => ["name"];

    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(2);

    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private TemplateService Templates { get; set; } = default!;
    [Inject] private IStringLocalizer<WorkflowsResource> W { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    private readonly BlazorDiagram _diagram = new(new BlazorDiagramOptions { GridSize = 20, AllowMultiSelection = true, Zoom = { Minimum = 0.2, Maximum = 2.5 } });

    /// <summary>The canvas's model (tests measure the canvas and read its pan through it).</summary>
    internal BlazorDiagram Diagram => _diagram;

    private FitWhenMeasured _openingFit = default!;
    private readonly GraphHistory _history = new();
    private WorkflowDiagramMapper _mapper = default!;
    private IReadOnlyList<WorkflowNodeType> _types = [];
    private WorkflowPickers _pickers = WorkflowPickers.Empty;
    private WorkflowDto? _workflow;
    private IReadOnlyList<WorkflowProblem> _problems = [];
    private IReadOnlyList<WorkflowVersionDto> _versions = [];
    private WorkflowNodeModel? _selected;
    private string? _name, _typeToAdd, _dragged;
    private bool _dirty, _saving, _loading, _showVersions;
    private CancellationTokenSource? _autosave;
    private ElementReference _root;
    private IJSObjectReference? _module, _shortcuts;
    private DotNetObjectReference<WorkflowDesignerPage>? _self;

    private WorkflowTexts Texts => new(W);

    private IReadOnlyList<WorkflowNodeModel> Nodes => _diagram.Nodes.OfType<WorkflowNodeModel>().ToList();

    /// <summary>The app's layout (absent in a test renderer): the designer folds the menu away for a wider canvas.</summary>
    [CascadingParameter] private SalesCrm.Web.Components.Layout.MainLayout? Layout { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Layout?.FoldNavigation();
        _openingFit = new FitWhenMeasured(_diagram, InvokeAsync);
        _mapper = new WorkflowDiagramMapper((type, port) => Texts.Port(type, port));
        _diagram.RegisterComponent<WorkflowNodeModel, WorkflowNodeWidget>();
        _diagram.Options.Links.Factory = (_, source, target) => source is WorkflowPortModel { IsInput: false } port ? _mapper.NewLink(port, target) : null!;
        _diagram.Options.Links.RequireTarget = true;
        // Mid grey and the theme's blue read on both the light and the dark canvas.
        _diagram.Options.Links.DefaultColor = "#8a94a6";
        _diagram.Options.Links.DefaultSelectedColor = "#1976d2";
        _diagram.Changed += OnDiagramChanged;
        _diagram.PointerUp += (_, _) => OnDiagramChanged();
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.Links.Added += link => link.TargetAttached += OnLinkAttached;
        _diagram.GetBehavior<KeyboardShortcutsBehavior>()?.SetShortcut("Backspace", false, false, false, KeyboardShortcutsDefaults.DeleteSelection);

        await RunAsync(async () =>
        {
            _types = await Workflows.NodeTypesAsync();
            _workflow = await Workflows.GetAsync(Id);
            _name = _workflow.Name;
            Load(_workflow.Graph);
            _openingFit.Watch();
            _history.Reset(Snapshot());
            Apply(_workflow.Problems);
            _pickers = await LoadPickersAsync();
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await RevealOpenedPanelAsync();
        if (!firstRender) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/workflow-designer.js");
            _shortcuts = await _module.InvokeAsync<IJSObjectReference>("watchShortcuts", _root, _self);
        }
        catch (JSDisconnectedException) { }
        catch (InvalidOperationException) { } // prerendering or a test renderer without a browser
    }

    /// <summary>
    /// Ctrl+S saves, Ctrl+Z undoes, Ctrl+Y (or Ctrl+Shift+Z) redoes, Ctrl+C copies the selection, Ctrl+V pastes it, Ctrl+D
    /// duplicates it; Delete is the canvas's own.
    /// </summary>
    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(key switch
    {
        "s" => SaveNowAsync,
        "z" => UndoAsync,
        "y" => RedoAsync,
        "c" => CopyAsync,
        "v" => PasteAsync,
        "d" => DuplicateAsync,
        _ => () => Task.CompletedTask,
    });

    private async Task<WorkflowPickers> LoadPickersAsync()
    {
        // Each list is a nicety: a member who may manage workflows but not read one of them still gets a free text box.
        async Task<IReadOnlyList<T>> Try<T>(Func<Task<IReadOnlyList<T>>> load)
        {
            try { return await load(); }
            catch (ForbiddenException) { return []; }
        }
        return new WorkflowPickers(await Try(() => Pipelines.ListAsync()), await Try(() => Members.DirectoryAsync()),
            await Try(() => Templates.ListAsync()), (await Workflows.ListAsync()).Where(w => w.Id != Id).ToList());
    }

    private void Load(WorkflowGraph graph)
    {
        _loading = true;
        try
        {
            _selected = null;
            _mapper.Load(_diagram, graph);
        }
        finally
        {
            _loading = false;
        }
    }

    private string Snapshot() => WorkflowJson.Serialize(_mapper.ToGraph(_diagram));

    private WorkflowGraph CurrentGraph() => _mapper.ToGraph(_diagram);

    /// <summary>Any change of the canvas: when the graph differs from the last snapshot it is an edit (undo step, validation, autosave).</summary>
    private void OnDiagramChanged()
    {
        if (_loading || _mapper is null) return;
        if (!_history.Record(Snapshot())) return;
        Edited();
    }

    private void OnLinkAttached(Blazor.Diagrams.Core.Models.Base.BaseLinkModel link)
    {
        // A port leads to one node: a new link from a linked port replaces the old one.
        if (link is WorkflowLinkModel { SourcePort: { } port })
            foreach (var old in port.Links.Where(l => l != link).ToList()) _diagram.Links.Remove(old);
        OnDiagramChanged();
    }

    private void Edited()
    {
        _dirty = true;
        ClearDryRun();
        Apply(WorkflowGraphValidator.Validate(CurrentGraph()));
        ScheduleAutosave();
        InvokeAsync(StateHasChanged);
    }

    /// <summary>Shows problems on the list and as badges on their nodes.</summary>
    private void Apply(IReadOnlyList<WorkflowProblem> problems)
    {
        _problems = problems;
        var byNode = problems.Where(p => p.NodeId is not null).ToLookup(p => p.NodeId!);
        foreach (var node in Nodes)
        {
            var mine = byNode[node.Id].ToList();
            if (mine.Count == node.Problems.Count && mine.SequenceEqual(node.Problems)) continue;
            node.Problems = mine;
            node.Refresh();
        }
    }

    private void OnSelectionChanged(Blazor.Diagrams.Core.Models.Base.SelectableModel model)
    {
        var selected = _diagram.GetSelectedModels().OfType<WorkflowNodeModel>().ToList();
        var next = selected.Count == 1 ? selected[0] : null;
        if (next == _selected) return;
        _selected = next;
        InvokeAsync(StateHasChanged);
    }

    private IReadOnlyList<string> VariablesFor(WorkflowNodeModel node) => WorkflowVariables.For(CurrentGraph(), node.Id);

    private Task SettingsChangedAsync(WorkflowNodeModel node, JsonElement settings)
    {
        node.Settings = settings;
        if (node.NodeType?.CasePorts == true) _mapper.RefreshPorts(_diagram, node);
        node.Refresh();
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    private Task ConnectAsync(WorkflowNodeModel node, string port, string? target)
    {
        _mapper.Connect(_diagram, node, port, Nodes.FirstOrDefault(n => n.Id == target));
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    /// <summary>Adds a node beside the selected one (or below the others), selects it and links the selection's first free port to it.</summary>
    private Task AddFromPaletteAsync(string type)
    {
        var anchor = _selected;
        var position = anchor is not null
            ? new Point(anchor.Position.X + (anchor.Size?.Width ?? 200) + 80, anchor.Position.Y)
            : Nodes.Count == 0 ? new Point(60, 60) : new Point(Nodes.Max(n => n.Position.X) + 260, Nodes.Last().Position.Y);
        var node = _mapper.AddNode(_diagram, type, position);
        if (anchor?.Outputs.FirstOrDefault(p => p.Links.Count == 0) is { } free && node.Input is not null)
            _mapper.Connect(_diagram, anchor, free.Name!, node);
        Select(node);
        if (!IsInView(node)) CentreOn(node);
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    private Task DropAsync(DragEventArgs e)
    {
        if (_dragged is not { } type) return Task.CompletedTask;
        _dragged = null;
        var node = _mapper.AddNode(_diagram, type, _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY));
        Select(node);
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    private void Select(WorkflowNodeModel node)
    {
        _diagram.SelectModel(node, unselectOthers: true);
        _selected = node;
    }

    private Task FocusNodeAsync(string? nodeId)
    {
        if (Nodes.FirstOrDefault(n => n.Id == nodeId) is not { } node) return Task.CompletedTask;
        Select(node);
        CentreOn(node);
        return Task.CompletedTask;
    }

    /// <summary>Centres the node in the canvas at the current zoom (a node not yet measured counts as 200 × 80 px).</summary>
    private void CentreOn(WorkflowNodeModel node)
    {
        if (_diagram.Container is not { } box) return;
        _diagram.SetPan(box.Width / 2 - (node.Position.X + (node.Size?.Width ?? 200) / 2) * _diagram.Zoom,
            box.Height / 2 - (node.Position.Y + (node.Size?.Height ?? 80) / 2) * _diagram.Zoom);
    }

    /// <summary>Whether the whole node lies inside the visible canvas (true while the canvas is not measured yet).</summary>
    private bool IsInView(WorkflowNodeModel node)
    {
        if (_diagram.Container is not { } box) return true;
        var left = node.Position.X * _diagram.Zoom + _diagram.Pan.X;
        var top = node.Position.Y * _diagram.Zoom + _diagram.Pan.Y;
        return left >= 0 && top >= 0
            && left + (node.Size?.Width ?? 200) * _diagram.Zoom <= box.Width
            && top + (node.Size?.Height ?? 80) * _diagram.Zoom <= box.Height;
    }

    private Task RemoveNodeAsync(WorkflowNodeModel node)
    {
        _diagram.Nodes.Remove(node);
        _selected = null;
        OnDiagramChanged();
        return Task.CompletedTask;
    }

    private async Task DeleteSelectionAsync()
    {
        await KeyboardShortcutsDefaults.DeleteSelection(_diagram);
        _selected = null;
        OnDiagramChanged();
    }

    private void ZoomBy(double factor) => _diagram.SetZoom(Math.Clamp(_diagram.Zoom * factor, 0.2, 2.5));

    private void Fit()
    {
        _diagram.ZoomToFit(OpeningFit.Margin);
        _openingFit.RemeasurePorts();
    }

    private Task UndoAsync() => Restore(_history.Undo());

    private Task RedoAsync() => Restore(_history.Redo());

    private Task Restore(string? snapshot)
    {
        if (snapshot is null) return Task.CompletedTask;
        Load(WorkflowJson.Deserialize(snapshot));
        Edited();
        return Task.CompletedTask;
    }

    private void NameChanged()
    {
        _dirty = true;
        ScheduleAutosave();
    }

    private void ScheduleAutosave()
    {
        _autosave?.Cancel();
        var cts = _autosave = new CancellationTokenSource();
        _ = Task.Delay(AutosaveDelay, cts.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled) _ = InvokeAsync(() => SaveAsync());
        }, TaskScheduler.Default);
    }

    private async Task SaveNowAsync()
    {
        _autosave?.Cancel();
        if (await SaveAsync()) Snackbar.Add(W["SavedMessage"], Severity.Success);
    }

    /// <summary>Saves the draft through the service; the problems it answers (including references) replace the local ones.</summary>
    private async Task<bool> SaveAsync(bool overwrite = false)
    {
        if (_saving || _resolvingConflict) return false;
        _saving = true;
        var snapshot = _history.Current;
        var changedElsewhere = false;
        try
        {
            var saved = await RunAsync(async () =>
            {
                try
                {
                    // The revision this tab last read: a save from another tab or person in between is not overwritten unasked.
                    _workflow = await Workflows.UpdateAsync(Id, new WorkflowInput(_name, null, CurrentGraph(), null, overwrite ? null : _workflow?.Revision));
                }
                catch (ConflictException e) when (e.Code == ErrorCodes.WorkflowChanged)
                {
                    changedElsewhere = true;
                    return;
                }
                if (_history.Current == snapshot) _dirty = false;
                Apply(_workflow.Problems);
            });
            if (!changedElsewhere) return saved;
        }
        finally
        {
            _saving = false;
            StateHasChanged();
        }
        return await ResolveConflictAsync();
    }

    /// <summary>Refused with the problem list while any remain (the service checks again with the API's validator).</summary>
    private async Task PublishAsync()
    {
        _autosave?.Cancel();
        if (_dirty && !await SaveAsync()) return;
        if (_problems.Count > 0)
        {
            Snackbar.Add(Plurals.For(W, "PublishRefused", _problems.Count, _problems.Count), Severity.Warning);
            return;
        }
        try
        {
            await RunAsync(async () =>
            {
                _workflow = await Workflows.PublishAsync(Id);
                _versions = await Workflows.VersionsAsync(Id);
            }, string.Format(W["Published"], _workflow!.Version + 1));
        }
        catch (WorkflowInvalidException e)
        {
            Apply(e.Problems);
            Snackbar.Add(Plurals.For(W, "PublishRefused", e.Problems.Count, e.Problems.Count), Severity.Warning);
        }
    }

    private async Task ToggleVersionsAsync()
    {
        _showVersions = !_showVersions;
        if (!_showVersions) return;
        await RunAsync(async () => _versions = await Workflows.VersionsAsync(Id));
        Reveal("wf-versions");
    }

    private async Task RestoreAsync(WorkflowVersionDto version)
    {
        if (!await ConfirmAsync(string.Format(W["RestoreQuestion"], version.Version), W["RestoreAsDraft"])) return;
        Load(version.Graph);
        _history.Record(Snapshot());
        Edited();
        await SaveAsync();
    }

    private async Task ExportAsync()
    {
        if (_dirty) await SaveAsync();
        WorkflowExport? document = null;
        if (!await RunAsync(async () => document = await Workflows.ExportAsync(Id)) || _module is null) return;
        var json = JsonSerializer.Serialize(document, new JsonSerializerOptions(WorkflowJson.Options) { WriteIndented = true });
        await _module.InvokeVoidAsync("download", $"{Slug(_name ?? "workflow")}.workflow.json", json);
    }

    private static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    private async Task BeforeLeavingAsync(LocationChangingContext context)
    {
        if (!_dirty) return;
        if (!await ConfirmAsync(W["LeaveUnsaved"], W["Leave"])) context.PreventNavigation();
    }

    public async ValueTask DisposeAsync()
    {
        Layout?.RestoreNavigation();
        _autosave?.Cancel();
        _diagram.Changed -= OnDiagramChanged;
        _openingFit.Dispose();
        try
        {
            if (_shortcuts is not null) await _shortcuts.InvokeVoidAsync("dispose");
            if (_shortcuts is not null) await _shortcuts.DisposeAsync();
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
