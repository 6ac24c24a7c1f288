namespace SalesCrm.Core.Knowledge;

/// <summary>Where a document applies: the pipeline stage, product and vertical it was written for (each optional, free text).</summary>
public sealed class KnowledgeMetadata
{
    public string? PipelineStage { get; set; }
    public string? Product { get; set; }
    public string? Vertical { get; set; }
}
