namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The fts operators on SQLite, which has no tsvector: an approximation of PostgreSQL's full-text match over words
/// (letters and digits, invariant lower case, no stemming — PostgreSQL's <c>simple</c> configuration).
/// fts: <c>a &amp; b</c>, <c>a | b</c>, <c>!a</c>, <c>a:*</c> (prefix), <c>a &lt;-&gt; b</c> read as and, parentheses ignored;
/// plfts: every word; phfts: the words in a row; wfts: words, <c>"a phrase"</c>, <c>-word</c>, <c>or</c>.
/// </summary>
public static class TextSearchApproximation
{
    public static bool IsMatch(string value, string query, FilterOperator kind)
    {
        var words = Words(value);
        return kind switch
        {
            FilterOperator.Plfts => Words(query) is { Count: > 0 } all && all.All(words.Contains),
            FilterOperator.Phfts => Words(query) is { Count: > 0 } phrase && ContainsPhrase(words, phrase),
            FilterOperator.Wfts => WebSearch(words, query),
            _ => TsQuery(words, query),
        };
    }

    private static bool TsQuery(List<string> words, string query)
    {
        var cleaned = query.Replace("(", " ").Replace(")", " ").Replace("<->", "&");
        return cleaned.Split('|').Any(alternative =>
        {
            var terms = alternative.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return terms.Length > 0 && terms.All(term =>
            {
                var negated = term.StartsWith('!');
                var prefix = term.EndsWith(":*", StringComparison.Ordinal);
                var word = Words(term.TrimStart('!').Replace(":*", "")).FirstOrDefault();
                if (word is null) return true;
                var found = prefix ? words.Any(w => w.StartsWith(word, StringComparison.Ordinal)) : words.Contains(word);
                return found != negated;
            });
        });
    }

    private static bool WebSearch(List<string> words, string query)
    {
        var alternatives = new List<List<string>> { new() };
        var parts = query.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1) { alternatives[^1].Add("\"" + parts[i]); continue; }
            foreach (var token in parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals("or", StringComparison.OrdinalIgnoreCase)) alternatives.Add([]);
                else alternatives[^1].Add(token);
            }
        }
        return alternatives.Where(a => a.Count > 0).Any(terms => terms.All(term =>
        {
            if (term.StartsWith('"')) return Words(term) is var phrase && (phrase.Count == 0 || ContainsPhrase(words, phrase));
            var negated = term.StartsWith('-');
            var termWords = Words(negated ? term[1..] : term);
            if (termWords.Count == 0) return true;
            return ContainsPhrase(words, termWords) != negated;
        }));
    }

    private static bool ContainsPhrase(List<string> words, List<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= words.Count; i++)
            if (phrase.Select((w, j) => words[i + j] == w).All(x => x)) return true;
        return false;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in LikeMatcher.Fold(text))
        {
            if (char.IsLetterOrDigit(c)) { current.Append(c); continue; }
            if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
