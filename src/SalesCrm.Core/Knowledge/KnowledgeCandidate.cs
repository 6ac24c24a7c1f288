namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A chunk some signal found, with each signal's score and 1-based rank (null when that signal did not find it), its
/// ratings as the question sees them (<see cref="KnowledgeFeedbackSimilarity.Weigh"/>: each weighed by how alike its question is), whether its document is in the language the question seems written in (null when that is unclear), its rank
/// in the expanded full-text search (<see cref="KnowledgeExpansion"/>) and the share of the question it holds
/// (<see cref="KnowledgeQueryCoverage"/>, 0 … 1), in all its text and in its title and headings, and
/// how close together it says the question's words (<see cref="KnowledgeProximity"/>, 0 … 1).
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
    double Ups = 0,
    double Downs = 0,
    bool? InQueryLanguage = null,
    int? ExpansionRank = null,
    double Coverage = 0,
    double HeadingCoverage = 0,
    double Proximity = 0)
{
    public bool Rated => Ups + Downs > 0;
}
