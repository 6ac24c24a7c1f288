using System.Text.RegularExpressions;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Offline questions from a document's text: a sentence with its longest word blanked out ("Complete: …"), the word
/// and three other long words of the document as options. Deterministic, so the same text gives the same quiz.
/// </summary>
public static partial class QuizGenerator
{
    public static IReadOnlyList<QuizQuestion> FromText(string text, int max = 5)
    {
        var sentences = Sentence().Split(text).Select(s => s.Trim().TrimStart('#', '-', '*', ' ')).Where(s => Words(s).Count >= 6).ToList();
        var vocabulary = Words(text).Where(w => w.Length >= 5).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var questions = new List<QuizQuestion>();
        foreach (var sentence in sentences)
        {
            if (questions.Count >= max) break;
            var answer = Words(sentence).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First();
            var distractors = vocabulary.Where(w => !string.Equals(w, answer, StringComparison.OrdinalIgnoreCase))
                .OrderBy(w => Math.Abs(w.Length - answer.Length)).ThenBy(w => w, StringComparer.Ordinal).Take(3).ToList();
            if (answer.Length < 5 || distractors.Count < 3) continue;
            var options = distractors.Append(answer.ToLowerInvariant()).OrderBy(w => w, StringComparer.Ordinal).ToList();
            var blanked = sentence.Replace(answer, "_____", StringComparison.Ordinal);
            questions.Add(new QuizQuestion(blanked, options, options.IndexOf(answer.ToLowerInvariant())));
        }
        return questions;
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"(?<=[.!?\n])\s+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
