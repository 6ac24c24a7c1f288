namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A chunk some signal found, with each signal's score and 1-based rank (null when that signal did not find it), its
/// ratings, and whether its document is in the language the question seems written in (null when that is unclear).
/// </summary>
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
    int Downs = 0,
    bool? InQueryLanguage = null)
{
    public bool Rated => Ups + Downs > 0;
}
