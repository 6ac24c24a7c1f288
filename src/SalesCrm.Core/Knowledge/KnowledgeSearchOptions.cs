namespace SalesCrm.Core.Knowledge;

/// <summary>Fusion settings (configuration section <c>Knowledge:Search</c>); the defaults are what the bench measured.</summary>
public sealed class KnowledgeSearchOptions
{
    /// <summary>Candidates each signal contributes before fusion.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 1000)]
    public int Candidates { get; set; } = 100;

    /// <summary>Reciprocal rank fusion's k: larger flattens the difference between neighbouring ranks.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    public double LexicalWeight { get; set; } = 1.0;
    public double TrigramWeight { get; set; } = 1.0;
    public double VectorWeight { get; set; } = 1.0;

    /// <summary>
    /// RRF weight of the expanded full-text search (pseudo-relevance feedback, <see cref="KnowledgeExpansion"/>): the
    /// question's terms plus <see cref="ExpansionTerms"/> terms of the <see cref="ExpansionPassages"/> passages the first
    /// fusion ranked best. 0 = off (no second query).
    /// </summary>
    public double ExpansionWeight { get; set; } = 0;

    /// <summary>Top passages of the first fusion the expansion terms are taken from.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int ExpansionPassages { get; set; } = 3;

    /// <summary>Expansion terms added to the question's.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 50)]
    public int ExpansionTerms { get; set; } = 8;

    /// <summary>
    /// Second-stage factor 1 + weight × the idf-weighted share of the question's terms the passage holds
    /// (<see cref="KnowledgeQueryCoverage"/>); 0 = off. 0.2 measured best on both labelled sets and providers (ADR 019).
    /// </summary>
    public double CoverageWeight { get; set; } = 0.2;

    /// <summary>
    /// How many of the first stage's best chunks (by fused rank) the second-stage factors re-weigh; 0 = every candidate.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1000)]
    public int RerankDepth { get; set; } = 0;

    /// <summary>Second-stage factor 1 + weight × the idf-weighted share of the question's terms the passage's title and headings hold; 0 = off.</summary>
    public double HeadingCoverageWeight { get; set; } = 0;

    /// <summary>Second-stage factor 1 + weight × how close together the passage says the question's neighbouring terms (<see cref="KnowledgeProximity"/>); 0 = off.</summary>
    public double ProximityWeight { get; set; } = 0;

    /// <summary>
    /// Correct misspelt question words against the words of the passages first found (<see cref="KnowledgeSpelling"/>) and
    /// search the full text again with the corrections (a second full-text query, only when a word was corrected).
    /// </summary>
    public bool CorrectSpelling { get; set; } = true;

    /// <summary>Share of the best other matching chunk's fused score of the same document a chunk gets (chunk → document aggregation).</summary>
    public double DocumentWeight { get; set; } = 0.1;

    /// <summary>Share of the sum of the fused scores of all the other matching chunks of the same document a chunk gets (0 = off; ADR 034 measured it).</summary>
    public double DocumentSumWeight { get; set; } = 0;

    /// <summary>Factor for chunks whose document is in the language the question seems written in (1 = no preference).</summary>
    public double LanguageBoost { get; set; } = 1.5;

    /// <summary>Largest relative change feedback can make to a chunk's score (0.2 = ±20%), however many ratings.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 0.9)]
    public double FeedbackBound { get; set; } = 0.2;

    /// <summary>
    /// Least likeness (<see cref="KnowledgeFeedbackSimilarity.Of"/>, 0 … 1) between a new question and a rated one for the
    /// rating to count; below it a rating is ignored, above it it counts in proportion to the likeness. 0.25 measured no
    /// loss against no feedback on both labelled sets and providers (ADR 034).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double FeedbackSimilarityThreshold { get; set; } = 0.25;

    /// <summary>
    /// After each start, re-analyse the chunks stamped with an older <see cref="KnowledgeText.AnalyserVersion"/>
    /// (<see cref="KnowledgeReanalysis"/>), in the background; nothing is read when every chunk is current.
    /// </summary>
    public bool ReanalyseOnStart { get; set; } = true;

    /// <summary>Use feedback at all (the bench turns it off to measure fusion alone).</summary>
    public bool UseFeedback { get; set; } = true;
}
