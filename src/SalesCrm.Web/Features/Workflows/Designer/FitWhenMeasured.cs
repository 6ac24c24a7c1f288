using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Models;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// Applies <see cref="OpeningFit"/> to a graph just loaded, once: the browser measures the canvas and each node after their
/// first render (<c>ContainerChanged</c>, <c>SizeChanged</c>), and a page's own render does not follow those measures, so
/// this waits on the diagram's events instead. The designer and the run page (<c>/workflow-runs/{id}</c>) share it; later
/// edits never refit. After that, whenever the canvas moves or resizes (the menu folding away as the page opens, the
/// window resized) the ports are measured again once it settles: links drawn from ports measured at the old place end
/// off their nodes.
/// </summary>
/// <param name="diagram">The canvas's model.</param>
/// <param name="invokeAsync">The page's <c>InvokeAsync</c>: the ports are measured again on the circuit after a fit.</param>
public sealed class FitWhenMeasured(Diagram diagram, Func<Func<Task>, Task> invokeAsync) : IDisposable
{
    /// <summary>How long (ms) the browser is given to draw a new zoom before the ports are measured again.</summary>
    private const int RedrawDelayMs = 300;

    private List<NodeModel> _measuring = [];
    private bool _done = true;
    private CancellationTokenSource? _remeasure;
    private bool _following;

    /// <summary>Watches the nodes the diagram holds now; the first moment all of them and the canvas are measured, fits once.</summary>
    public void Watch()
    {
        if (!_following)
        {
            diagram.ContainerChanged += OnContainerMoved;
            _following = true;
        }
        Stop();
        _measuring = [.. diagram.Nodes];
        if (_measuring.Count == 0) return;
        _done = false;
        diagram.ContainerChanged += TryFit;
        foreach (var node in _measuring) node.SizeChanged += OnNodeMeasured;
        TryFit();
    }

    /// <summary>
    /// Ports measured while the zoom changed hold positions of the old zoom (links ended far off the canvas): measures them
    /// again once the browser has drawn the new zoom.
    /// </summary>
    public void RemeasurePorts()
    {
        // One measure after the last change: a folding menu resizes the canvas on every frame of its animation.
        _remeasure?.Cancel();
        var settled = (_remeasure = new CancellationTokenSource()).Token;
        _ = invokeAsync(async () =>
        {
            try
            {
                await Task.Delay(RedrawDelayMs, settled);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var node in diagram.Nodes) node.ReinitializePorts();
            diagram.Refresh();
        });
    }

    /// <summary>Stops watching (the page is leaving).</summary>
    public void Dispose()
    {
        Stop();
        _remeasure?.Cancel();
        if (_following) diagram.ContainerChanged -= OnContainerMoved;
        _following = false;
    }

    /// <summary>Ports measured against the canvas's old place would draw links off their nodes: measure them all again.</summary>
    private void OnContainerMoved()
    {
        if (diagram.Nodes.Count > 0) RemeasurePorts();
    }

    private void OnNodeMeasured(NodeModel node) => TryFit();

    private void TryFit()
    {
        if (_done || !_measuring.All(n => n.Size is not null) || !OpeningFit.Ready(diagram)) return;
        _done = true;
        Stop();
        if (OpeningFit.Apply(diagram)) RemeasurePorts();
    }

    private void Stop()
    {
        diagram.ContainerChanged -= TryFit;
        foreach (var node in _measuring) node.SizeChanged -= OnNodeMeasured;
        _measuring = [];
    }
}
