namespace SalesCrm.Core.Knowledge;

/// <summary>What a knowledge-base document is for; stored and sent in snake_case (<c>objection_handler</c>).</summary>
public enum KnowledgeDocumentType
{
    Script,
    Faq,
    ObjectionHandler,
    ProductInfo,
    Process,
    Training,
}
