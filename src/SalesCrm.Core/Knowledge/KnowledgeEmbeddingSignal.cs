namespace SalesCrm.Core.Knowledge;

/// <summary>Wakes the embedding job: chunks were written, or someone asked to generate now.</summary>
public sealed class KnowledgeEmbeddingSignal : Common.WorkSignal;
