namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Term statistics of a workspace's knowledge base (ADR 025): how many of its searchable chunks (published document,
/// enabled chunk) hold an analysed term in their heading or body. The row with the empty term counts the searchable
/// chunks themselves. Kept by database triggers on <c>knowledge_chunks</c>, inside the transaction that writes the chunk,
/// so it never disagrees with what search reads; never written by the application.
/// </summary>
public sealed class KnowledgeTerm
{
    public Guid TenantId { get; set; }
    /// <summary>An analysed term (<see cref="KnowledgeText.Terms"/>), or "" for the chunk count.</summary>
    public string Term { get; set; } = "";
    /// <summary>Searchable chunks holding the term (document frequency).</summary>
    public int Chunks { get; set; }
}
