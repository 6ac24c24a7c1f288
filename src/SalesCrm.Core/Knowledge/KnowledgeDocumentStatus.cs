namespace SalesCrm.Core.Knowledge;

/// <summary>Only <see cref="Published"/> documents are searched; stored and sent in snake_case.</summary>
public enum KnowledgeDocumentStatus
{
    Draft,
    Published,
    Archived,
}
