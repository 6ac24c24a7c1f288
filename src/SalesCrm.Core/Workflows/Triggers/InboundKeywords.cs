using System.Text;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>
/// The keyword test of an <c>inbound_message</c> trigger: a keyword (one word or a phrase) matches when its words appear
/// in the message as whole words in a row, without regard to case or accents ("Orçamento" matches "quero um ORCAMENTO!",
/// "preço" does not match "preçosa").
/// </summary>
public static class InboundKeywords
{
    /// <summary>The first keyword that <paramref name="message"/> contains, or null.</summary>
    public static string? FirstMatch(string? message, IEnumerable<string> keywords)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > AnswerValidator.MaxReplyLength * 4) return null;
        var words = Words(message);
        foreach (var keyword in keywords)
        {
            if (string.IsNullOrWhiteSpace(keyword)) continue;
            var phrase = Words(keyword);
            if (phrase.Length == 0) continue;
            for (var start = 0; start + phrase.Length <= words.Length; start++)
                if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase)) return keyword;
        }
        return null;
    }

    private static string[] Words(string text)
    {
        var folded = SafeText.Fold(text);
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded) cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
