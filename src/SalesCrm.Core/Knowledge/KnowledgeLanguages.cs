namespace SalesCrm.Core.Knowledge;

/// <summary>The languages a knowledge document may be written in.</summary>
public static class KnowledgeLanguages
{
    public const string Portuguese = "pt-BR";
    public const string English = "en";
    public const string Spanish = "es";

    public static readonly IReadOnlyList<string> All = [Portuguese, English, Spanish];

    /// <summary>The canonical spelling of <paramref name="text"/> (<c>pt-br</c>, <c>pt</c> → <c>pt-BR</c>), or null when not supported.</summary>
    public static string? Canonical(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "pt-br" or "pt" or "pt_br" => Portuguese,
        "en" or "en-us" or "en_us" => English,
        "es" or "es-es" => Spanish,
        _ => null,
    };
}
