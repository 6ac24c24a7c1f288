namespace SalesCrm.Core.Knowledge;

/// <summary>Ratings of suggestions that cited a chunk, counted per workspace.</summary>
public sealed class KnowledgeChunkFeedback : Common.ITenantOwned
{
    public Guid ChunkId { get; set; }
    public Guid TenantId { get; set; }
    public int Ups { get; set; }
    public int Downs { get; set; }
    public DateTime UpdatedAt { get; set; }
}
