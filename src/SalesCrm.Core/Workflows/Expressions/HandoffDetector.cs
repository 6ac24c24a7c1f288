using System.Text;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Whether a lead's message asks for a person ("atendente", "quero falar com um humano", "ATENDIMENTO HUMANO!"),
/// compared as whole words without case or accents, at any step of a bot. A keyword right after a negation
/// ("não precisa de atendente", "sem atendente") does not count. Workspaces may add keywords.
/// </summary>
public static class HandoffDetector
{
    /// <summary>The built-in keywords (folded: lower case, no accents).</summary>
    public static readonly IReadOnlyList<string> DefaultKeywords =
    [
        "atendente", "humano", "humana", "atendimento humano", "falar com uma pessoa", "falar com alguem", "pessoa de verdade",
        "pessoa real", "operador", "operadora", "falar com vendedor", "falar com um vendedor", "falar com o vendedor",
        "falar com consultor", "falar com um consultor", "human", "agent", "real person", "talk to a person",
    ];

    private static readonly HashSet<string> Negations = ["nao", "sem", "nunca", "no", "not", "don"];

    /// <summary>
    /// True when <paramref name="message"/> contains one of <see cref="DefaultKeywords"/> or <paramref name="extraKeywords"/>
    /// as whole words, not after a negation in the three words before it. Blank or over 1000-character messages are false.
    /// </summary>
    public static bool IsHandoffRequest(string? message, IEnumerable<string>? extraKeywords = null)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > AnswerValidator.MaxReplyLength) return false;
        var words = Words(message);
        var keywords = DefaultKeywords.Concat((extraKeywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)));
        foreach (var keyword in keywords)
        {
            var phrase = Words(keyword);
            if (phrase.Length == 0) continue;
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                if (!words.AsSpan(start, phrase.Length).SequenceEqual(phrase)) continue;
                var negated = words.AsSpan(Math.Max(0, start - 3), Math.Min(3, start)).ToArray().Any(Negations.Contains);
                if (!negated) return true;
            }
        }
        return false;
    }

    private static string[] Words(string text)
    {
        var folded = SafeText.Fold(text);
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded) cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
