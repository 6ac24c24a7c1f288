namespace SalesCrm.Core.Knowledge;

/// <summary>Which words of a passage a question matched, as they are written in the passage (for highlighting).</summary>
public static class KnowledgeHighlight
{
    /// <summary>
    /// The passage's words (original spelling and accents) whose stem is one of the question's stems, or that share a
    /// concept with the question's words; distinct, longest first.
    /// </summary>
    public static IReadOnlyList<string> MatchedWords(string passage, string question)
    {
        var wanted = KnowledgeText.Terms(question).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return [];
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var surface = word.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '*', '“', '”', '…', '-');
            if (surface.Length < 2) continue;
            var terms = KnowledgeText.Terms(surface);
            if (terms.Count > 0 && terms.Any(wanted.Contains)) matched.Add(surface);
        }
        return matched.OrderByDescending(w => w.Length).ToList();
    }
}
