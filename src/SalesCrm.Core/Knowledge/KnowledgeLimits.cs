namespace SalesCrm.Core.Knowledge;

/// <summary>Fixed sizes of the knowledge base's fields.</summary>
public static class KnowledgeLimits
{
    public const int TitleLength = 200;
    public const int TagLength = 50;
    public const int MaxTags = 20;
    public const int QueryLength = 500;
}
