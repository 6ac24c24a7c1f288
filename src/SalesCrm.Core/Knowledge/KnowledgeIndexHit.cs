namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk one signal found, with that signal's own score (higher is better).</summary>
public sealed class KnowledgeIndexHit
{
    public Guid ChunkId { get; set; }
    public double Score { get; set; }
}
