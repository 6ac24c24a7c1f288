using SalesCrm.Core.Common;
using System.Globalization;
using System.Text;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// A message as the triage rules read it: lower case without accents, elongations folded ("caroooo" → "caro"), chat
/// spellings spelled out ("hj" → "hoje", "ñ" → "nao"), plus the emphasis the words lose: exclamation marks and shouting.
/// </summary>
public sealed class TriageText
{
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["hj"] = "hoje", ["agr"] = "agora", ["mto"] = "muito", ["mt"] = "muito", ["mtu"] = "muito", ["muuito"] = "muito",
        ["naum"] = "nao", ["ñ"] = "nao", ["n"] = "nao", ["nn"] = "nao", ["qnto"] = "quanto", ["qto"] = "quanto", ["qnt"] = "quanto",
        ["vc"] = "voce", ["vcs"] = "voces", ["obg"] = "obrigado", ["obgd"] = "obrigado", ["obgda"] = "obrigado", ["brigado"] = "obrigado",
        ["brigada"] = "obrigado", ["obrigada"] = "obrigado", ["vlw"] = "valeu", ["pfv"] = "por favor", ["pfvr"] = "por favor",
        ["pf"] = "por favor", ["pls"] = "please", ["plz"] = "please", ["amnh"] = "amanha", ["amn"] = "amanha", ["q"] = "que",
        ["tb"] = "tambem", ["tbm"] = "tambem", ["td"] = "tudo", ["blz"] = "beleza", ["orc"] = "orcamento", ["pq"] = "porque",
        ["tá"] = "ta", ["tô"] = "to", ["eh"] = "e", ["pra"] = "para", ["pro"] = "para o", ["cade"] = "cade", ["u"] = "you",
        ["thx"] = "thanks", ["ty"] = "thanks", ["dont"] = "don't", ["doesnt"] = "doesn't", ["cant"] = "can't", ["wont"] = "won't",
        ["isnt"] = "isn't", ["didnt"] = "didn't", ["im"] = "i'm", ["asap"] = "asap", ["oii"] = "oi", ["olaa"] = "ola", ["urgt"] = "urgente", ["kd"] = "cade",
    };

    private static readonly char[] ClauseEnds = [',', '.', ';', ':', '!', '?', '\n', '…'];

    private TriageText(IReadOnlyList<string> words, IReadOnlyList<int> clauses, int emphasis, bool shouting, string raw)
    {
        Words = words;
        Clauses = clauses;
        Emphasis = emphasis;
        Shouting = shouting;
        Joined = " " + string.Join(' ', words) + " ";
        Raw = raw;
    }

    /// <summary>Normalized words in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>For each word, the clause it is in (clauses end at , . ; : ! ? and line breaks): a negation stays inside its clause.</summary>
    public IReadOnlyList<int> Clauses { get; }

    /// <summary>The words joined by single spaces with a space at each end, for phrase lookups (<c>" ta caro "</c>).</summary>
    public string Joined { get; }

    /// <summary>The message as sent (emoji and punctuation included).</summary>
    public string Raw { get; }

    /// <summary>The longest run of '!' and '?' ("!!!", "???", "?!?!" are emphasis; one mark is not).</summary>
    public int Emphasis { get; }

    /// <summary>Mostly capitals over at least eight letters: "NINGUEM ME RESPONDE".</summary>
    public bool Shouting { get; }

    public bool HasQuestionMark => Raw.Contains('?');

    public static TriageText Read(string text)
    {
        var letters = text.Count(char.IsLetter);
        var upper = text.Count(char.IsUpper);
        var shouting = letters >= 8 && upper >= letters * 0.7;
        var longestBang = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c is '!' or '?' ? run + 1 : 0;
            longestBang = Math.Max(longestBang, run);
        }
        var words = new List<string>();
        var clauses = new List<int>();
        var clause = 0;
        foreach (var part in Fold(text).Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var token in part.Split((char[])[' ', '\t', '\r', '(', ')', '"', '/', '-', '*'], StringSplitOptions.RemoveEmptyEntries))
            {
                var word = Squeeze(token.Trim('\''));
                if (word.Length == 0) continue;
                foreach (var spelled in (Spellings.GetValueOrDefault(word) ?? word).Split(' '))
                {
                    words.Add(spelled);
                    clauses.Add(clause);
                }
            }
            clause++;
        }
        return new TriageText(words, clauses, longestBang, shouting, text);
    }

    /// <summary>Lower case, accents removed ("não" → "nao"); "ñ" is kept whole, it stands for "não" in chats.</summary>
    private static string Fold(string text) =>
        UnicodeText.Fold(text.Replace("ñ", "\u0001", StringComparison.OrdinalIgnoreCase)).Replace("\u0001", "ñ", StringComparison.Ordinal);

    /// <summary>Three or more of one letter become one: "urgenteee" → "urgente", "siiim" → "sim".</summary>
    private static string Squeeze(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var repeated = i >= 2 && word[i] == word[i - 1] && word[i] == word[i - 2];
            if (!repeated) builder.Append(word[i]);
            else if (builder.Length >= 2 && builder[^1] == word[i] && builder[^2] == word[i]) builder.Length--;
        }
        return builder.ToString();
    }
}
