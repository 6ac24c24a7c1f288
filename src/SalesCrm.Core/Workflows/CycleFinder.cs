namespace SalesCrm.Core.Workflows;

/// <summary>The loops of a directed graph: its strongly connected components with more than one node or a self-link (Tarjan).</summary>
internal static class CycleFinder
{
    /// <summary>Each loop's node ids, in the order <paramref name="ids"/> lists them.</summary>
    public static List<List<string>> Cycles(IReadOnlyList<string> ids, IReadOnlyList<(string From, string To)> links)
    {
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var next = links.Where(l => order.ContainsKey(l.From) && order.ContainsKey(l.To)).ToLookup(l => l.From, l => l.To, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            } while (popped != v);
            if (component.Count > 1 || next[v].Contains(v, StringComparer.Ordinal)) cycles.Add([.. component.OrderBy(id => order[id])]);
        }

        foreach (var id in ids.Where(id => !index.ContainsKey(id))) Visit(id);
        return [.. cycles.OrderBy(c => order[c[0]])];
    }
}
