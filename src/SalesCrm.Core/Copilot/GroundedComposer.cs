using System.Text.RegularExpressions;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The offline answer ("from your playbook"): up to three suggestions, each from one of the best retrieved passages,
/// made of the sentences that answer the question in the playbook's own words, with the lead's variables filled. No
/// model and no I/O: the same passages always give the same suggestions.
/// </summary>
public static partial class GroundedComposer
{
    /// <summary>Characters a suggestion grows to from its best sentence (a WhatsApp-sized reply).</summary>
    public const int TargetLength = 320;

    private static readonly Dictionary<CopilotIntent, string[]> Cues = new()
    {
        [CopilotIntent.Qualification] = ["pergu", "neces", "orcam", "prazo", "decis", "quem", "quant", "objet", "ask", "budge", "need", "timel"],
        [CopilotIntent.Objection] = ["enten", "compr", "valor", "invest", "benef", "garan", "resul", "econo", "under", "value"],
        [CopilotIntent.Closing] = ["fecha", "propo", "condi", "assin", "pagam", "hoje", "proxi", "passo", "close", "contr"],
        [CopilotIntent.FollowUp] = ["retom", "lembr", "acomp", "novid", "conve", "follo", "check", "dispo"],
        [CopilotIntent.FreeText] = [],
    };

    private static readonly Dictionary<CopilotIntent, KnowledgeDocumentType[]> PreferredTypes = new()
    {
        [CopilotIntent.Qualification] = [KnowledgeDocumentType.Script, KnowledgeDocumentType.Process],
        [CopilotIntent.Objection] = [KnowledgeDocumentType.ObjectionHandler, KnowledgeDocumentType.Faq],
        [CopilotIntent.Closing] = [KnowledgeDocumentType.Script, KnowledgeDocumentType.ObjectionHandler],
        [CopilotIntent.FollowUp] = [KnowledgeDocumentType.Process, KnowledgeDocumentType.Script],
        [CopilotIntent.FreeText] = [],
    };

    /// <summary>
    /// Suggestions for <paramref name="question"/> from <paramref name="hits"/> (best first), at most
    /// <paramref name="max"/>, one per passage, in the order they score; empty when no passage has a usable sentence.
    /// </summary>
    public static IReadOnlyList<ComposedSuggestion> Compose(string question, CopilotIntent intent, IReadOnlyList<KnowledgeSearchHit> hits, LeadFacts? lead,
        int max = CopilotLimits.MaxSuggestions)
    {
        var query = CopilotText.Stems(question);
        var cues = Cues[intent];
        var candidates = new List<(double Score, ComposedSuggestion Suggestion)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; rank < Math.Min(hits.Count, 6); rank++)
        {
            var hit = hits[rank];
            var sentences = CopilotText.Sentences(hit.Text);
            if (sentences.Count == 0) continue;
            var scores = sentences.Select(s => SentenceScore(s, query, cues, intent)).ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            var text = Expand(sentences, best);
            var filled = LeadPlaceholders.Fill(text, lead);
            if (filled.Length < 8 || !seen.Add(CopilotText.Normalize(filled))) continue;
            var typeBonus = PreferredTypes[intent].Contains(hit.DocumentType) ? 0.5 : 0;
            // Retrieval order weighs most (it saw the whole passage); the sentence score breaks near-ties.
            var score = 3.0 / (rank + 1) + scores[best] * 0.5 + typeBonus;
            candidates.Add((score, new ComposedSuggestion(filled, [new SuggestionSource(hit.DocumentId, hit.DocumentTitle, hit.ChunkId)])));
        }
        return candidates.OrderByDescending(c => c.Score).Take(max).Select(c => c.Suggestion).ToList();
    }

    /// <summary>
    /// How well a sentence answers: words shared with the question, the intent's cue words, and a bonus for words to say
    /// (quoted speech, a script's lines); a short line that only restates the customer's words is the question, not the answer.
    /// </summary>
    internal static double SentenceScore(string sentence, HashSet<string> query, string[] cues, CopilotIntent intent)
    {
        var stems = CopilotText.Stems(sentence);
        if (stems.Count == 0) return -1;
        var shared = stems.Count(query.Contains);
        var score = shared / Math.Sqrt(stems.Count + 1.0) + cues.Count(stems.Contains) * 0.3;
        if (Quoted().IsMatch(sentence)) score += 0.8;
        if (AnswerLabel().IsMatch(sentence)) score += 1.0;
        if (QuestionLabel().IsMatch(sentence)) score -= 1.5;
        var restatement = query.Count > 0 && shared >= Math.Max(1, stems.Count * 0.7) && sentence.Length < 80;
        if (restatement && intent != CopilotIntent.Qualification) score -= 1.2;
        if (intent == CopilotIntent.Qualification && sentence.TrimEnd().EndsWith('?')) score += 0.6;
        if (sentence.TrimEnd().EndsWith(':')) score -= 1.0;
        return score;
    }

    /// <summary>The best sentence and the ones after it, while the reply stays WhatsApp-sized; labels and quotes taken off.</summary>
    private static string Expand(IReadOnlyList<string> sentences, int best)
    {
        // A quotation is what the playbook says to say: it ends where the quotation closes, not at the rep's instructions after it.
        var quoted = OpensQuote(AnswerLabel().Replace(sentences[best], "").TrimStart());
        var parts = new List<string> { Clean(sentences[best]) };
        var length = parts[0].Length;
        var closed = quoted && ClosesQuote(sentences[best]);
        for (var i = best + 1; i < sentences.Count && length < TargetLength && !closed; i++)
        {
            if (QuestionLabel().IsMatch(sentences[i]) || sentences[i].TrimEnd().EndsWith(':')) break;
            var next = Clean(sentences[i]);
            if (length + next.Length + 1 > TargetLength + 80) break;
            parts.Add(next);
            length += next.Length + 1;
            closed = quoted && ClosesQuote(sentences[i]);
        }
        return CopilotText.Clip(string.Join(' ', parts.Where(p => p.Length > 0)), TargetLength + 80);
    }

    private static bool OpensQuote(string text) => text.Length > 0 && text[0] is '"' or '“';

    private static bool ClosesQuote(string sentence) => sentence.TrimEnd().EndsWith('"') || sentence.TrimEnd().EndsWith('”');

    /// <summary>The sentence without an answer label and without the quotation marks around what to say.</summary>
    private static string Clean(string sentence) => AnswerLabel().Replace(sentence, "").Trim().Trim('"', '“', '”').Trim();

    [GeneratedRegex(@"[""“][^""”]{20,}[""”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(resposta( sugerida)?|responda|diga|fale|script|como responder|answer|say|reply)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"^(obje[cç][aã]o|cliente|o cliente diz|pergunta|objection|customer)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLabel();
}
