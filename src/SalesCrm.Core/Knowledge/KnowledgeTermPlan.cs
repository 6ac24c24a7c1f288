namespace SalesCrm.Core.Knowledge;

/// <summary>
/// How one full-text query reads the index (ADR 025): <see cref="Match"/> are the terms whose chunks are read (the rarest
/// in the workspace, within a postings budget), <see cref="Idf"/> weighs every question term the workspace knows, matched
/// or not (BM25's inverse document frequency, ln(1 + (N − df + 0.5) / (df + 0.5))).
/// </summary>
public sealed record KnowledgeTermPlan(IReadOnlyList<string> Match, IReadOnlyDictionary<string, double> Idf, int Postings)
{
    public static readonly KnowledgeTermPlan Empty = new([], new Dictionary<string, double>(), 0);
}
