namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// Undo/redo for the designer: a stack of whole-graph snapshots (the serialized graph). Graphs are small (at most
/// 500 nodes), so a snapshot per edit is simpler and safer than inverse commands; the depth is capped.
/// </summary>
public sealed class GraphHistory(int depth = 100)
{
    private readonly List<string> _past = [];
    private readonly Stack<string> _future = new();

    /// <summary>The snapshot the canvas shows now.</summary>
    public string? Current { get; private set; }

    public bool CanUndo => _past.Count > 0;

    public bool CanRedo => _future.Count > 0;

    /// <summary>Starts afresh from a loaded graph (nothing to undo).</summary>
    public void Reset(string snapshot)
    {
        _past.Clear();
        _future.Clear();
        Current = snapshot;
    }

    /// <summary>Records an edit; false when the snapshot equals the current one (a click that changed nothing).</summary>
    public bool Record(string snapshot)
    {
        if (snapshot == Current) return false;
        if (Current is not null) _past.Add(Current);
        if (_past.Count > depth) _past.RemoveAt(0);
        _future.Clear();
        Current = snapshot;
        return true;
    }

    public string? Undo()
    {
        if (!CanUndo) return null;
        _future.Push(Current!);
        Current = _past[^1];
        _past.RemoveAt(_past.Count - 1);
        return Current;
    }

    public string? Redo()
    {
        if (!CanRedo) return null;
        _past.Add(Current!);
        Current = _future.Pop();
        return Current;
    }
}
