namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A question to the workspace's knowledge base. Only published documents and enabled chunks are searched, in the
/// caller's workspace only.
/// </summary>
/// <param name="Query">The question as the user typed it (accents, typos and colloquial Portuguese expected); not empty.</param>
/// <param name="Types">Only documents of these types, or every type when null/empty.</param>
/// <param name="Tags">Only documents carrying at least one of these tags, or any when null/empty.</param>
/// <param name="Limit">Hits wanted, 1–50.</param>
public sealed record KnowledgeSearchRequest(string Query, IReadOnlyList<KnowledgeDocumentType>? Types = null, IReadOnlyList<string>? Tags = null, int Limit = 10);
