namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Why a chunk ranked where it did: each signal's own score (higher is better), before reciprocal rank fusion.
/// <see cref="Vector"/> is null when the chunk or the query has no embedding; <see cref="Feedback"/> is null when no
/// suggestion citing the chunk was ever rated.
/// </summary>
public sealed record KnowledgeSignals(double Lexical, double Trigram, double? Vector = null, double? Feedback = null);
