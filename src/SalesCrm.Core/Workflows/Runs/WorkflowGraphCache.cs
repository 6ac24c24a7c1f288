using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>Published graphs by workflow and version. Versions never change after insert, so they are kept for the process's life.</summary>
public sealed class WorkflowGraphCache
{
    private readonly ConcurrentDictionary<(Guid WorkflowId, int Version), WorkflowGraph> _graphs = new();

    public async Task<WorkflowGraph?> GetAsync(CrmDbContext db, Guid workflowId, int version, CancellationToken ct)
    {
        if (_graphs.TryGetValue((workflowId, version), out var graph)) return graph;
        var json = await db.WorkflowVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.WorkflowId == workflowId && v.Version == version).Select(v => v.Graph).FirstOrDefaultAsync(ct);
        if (json is null) return null;
        graph = WorkflowJson.Deserialize(json);
        if (_graphs.Count > 10_000) _graphs.Clear();
        _graphs[(workflowId, version)] = graph;
        return graph;
    }
}
