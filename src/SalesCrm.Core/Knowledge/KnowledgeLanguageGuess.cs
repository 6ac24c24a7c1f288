namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Guesses whether a short question is Portuguese, English or Spanish from words only one of them uses (function words
/// and frequent question words), so search can prefer answers in the language asked. Null when no language has a clear
/// lead (a question of product names, a mix).
/// </summary>
public static class KnowledgeLanguageGuess
{
    private static readonly Dictionary<string, string> Markers = Build();

    public static string? Guess(string question)
    {
        if (question.Contains('¿') || question.Contains('¡')) return KnowledgeLanguages.Spanish;
        var counts = new Dictionary<string, int>();
        foreach (var word in KnowledgeText.Words(question))
        {
            if (Markers.TryGetValue(word, out var language)) counts[language] = counts.GetValueOrDefault(language) + 1;
        }
        var ranked = counts.OrderByDescending(c => c.Value).ToList();
        if (ranked.Count == 0) return null;
        return ranked.Count == 1 || ranked[0].Value > ranked[1].Value ? ranked[0].Key : null;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string language, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) map[w] = language;
        }
        Add(KnowledgeLanguages.English, "the is are was were do does did you your we our they what which who how when where why can could would should will "
            + "there this that with for of and my i it have has much many any some about price deliver guys please thanks hi hello");
        Add(KnowledgeLanguages.Spanish, "el los las es del y usted ustedes puedo puede cuanto cuanta cuesta cuestan tienda viene hay tienen tengo pero muy "
            + "cual cuales donde cuando quiero necesito gracias hola equipos cuotas tambien");
        Add(KnowledgeLanguages.Portuguese, "o os um uma da dos das na nos nas voce voces vcs vc nao sim tem tenho quanto quanta custa loja "
            + "pra com muito obrigado oi ola qual quais onde quando quero preciso tambem posso pode");
        return map;
    }
}
