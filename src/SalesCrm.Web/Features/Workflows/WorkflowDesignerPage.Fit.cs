using Blazor.Diagrams.Core.Models;
using SalesCrm.Web.Features.Workflows.Designer;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The designer's one fit on open (<see cref="OpeningFit"/>): a graph larger than the canvas is fitted once the browser
/// has measured the canvas and every node it opened with; a graph that fits stays at life size. Later edits never refit.
/// </summary>
public partial class WorkflowDesignerPage
{
    private bool _openingFitDone;
    private List<NodeModel> _measuring = [];

    /// <summary>Waits for the measures of the canvas and of the nodes just loaded.</summary>
    private void FitOnceMeasured()
    {
        _measuring = [.. _diagram.Nodes];
        if (_measuring.Count == 0) return;
        _diagram.ContainerChanged += TryOpeningFit;
        foreach (var node in _measuring) node.SizeChanged += OnNodeMeasured;
    }

    private void OnNodeMeasured(NodeModel node) => TryOpeningFit();

    private void TryOpeningFit()
    {
        if (_openingFitDone || !_measuring.All(n => n.Size is not null) || !OpeningFit.Ready(_diagram)) return;
        _openingFitDone = true;
        StopOpeningFit();
        if (!OpeningFit.Apply(_diagram)) return;
        RemeasurePorts();
    }

    /// <summary>
    /// Ports measured while the zoom changed hold positions of the old zoom (links ended far off the canvas): measure
    /// them again once the browser has drawn the new zoom.
    /// </summary>
    private void RemeasurePorts()
    {
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(300);
            foreach (var node in _diagram.Nodes) node.ReinitializePorts();
            _diagram.Refresh();
        });
    }

    private void StopOpeningFit()
    {
        _diagram.ContainerChanged -= TryOpeningFit;
        foreach (var node in _measuring) node.SizeChanged -= OnNodeMeasured;
        _measuring = [];
    }
}
