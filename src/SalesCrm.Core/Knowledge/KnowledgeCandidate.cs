namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk some signal found, with each signal's score and 1-based rank (null when that signal did not find it) and its ratings.</summary>
public sealed record KnowledgeCandidate(
    Guid ChunkId,
    Guid DocumentId,
    double? Lexical = null,
    int? LexicalRank = null,
    double? Trigram = null,
    int? TrigramRank = null,
    double? Vector = null,
    int? VectorRank = null,
    int Ups = 0,
    int Downs = 0)
{
    public bool Rated => Ups + Downs > 0;
}
