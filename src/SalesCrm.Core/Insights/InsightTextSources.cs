namespace SalesCrm.Core.Insights;

/// <summary>Who wrote an insight's text.</summary>
public static class InsightTextSources
{
    public const string Rules = "rules";
    public const string Llm = "llm";
}
