using System.Text.RegularExpressions;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The offline answer ("from your playbook"): up to three replies a rep can send as they are, in the playbook's own
/// words, with the lead's variables filled. The best document answers first — its scripted reply, then the other lines it
/// says to say, then what it states to the customer — and the next documents add what they state; never the customer's
/// own words, the situation, what not to do or instructions to the rep. No model and no I/O: the same passages always
/// give the same suggestions.
/// </summary>
public static partial class GroundedComposer
{
    /// <summary>Characters a suggestion grows to from its best sentence (a WhatsApp-sized reply).</summary>
    public const int TargetLength = 320;

    /// <summary>Share of the best document's retrieval score from which another document's scripted answer is offered too.</summary>
    public const double SecondSituationShare = 0.95;

    private static readonly Dictionary<CopilotIntent, string[]> Cues = new()
    {
        [CopilotIntent.Qualification] = ["pergu", "neces", "orcam", "prazo", "decis", "quem", "quant", "objet", "ask", "budge", "need", "timel"],
        [CopilotIntent.Objection] = ["enten", "compr", "valor", "invest", "benef", "garan", "resul", "econo", "parce", "juros", "under", "value"],
        [CopilotIntent.Closing] = ["fecha", "propo", "condi", "assin", "pagam", "hoje", "proxi", "passo", "close", "contr"],
        [CopilotIntent.FollowUp] = ["retom", "lembr", "acomp", "novid", "conve", "follo", "check", "dispo"],
        [CopilotIntent.FreeText] = [],
    };

    /// <summary>Where a reply comes from, best first: a scripted answer, a line the playbook quotes to say, a sentence it states.</summary>
    private enum Kind { Script, Line, Statement }

    /// <summary>A reply found in a passage; <paramref name="Shared"/>: the words and sales concepts it and its heading share with the message.</summary>
    private sealed record Candidate(Kind Kind, double Relevance, int Shared, int Rank, string Text, KnowledgeSearchHit Hit);

    /// <summary>
    /// Suggestions for <paramref name="question"/> from <paramref name="hits"/> (best first), at most <paramref name="max"/>,
    /// none repeating another; empty when no passage has a sendable line.
    /// </summary>
    /// <param name="seller">The rep asking, for the seller's placeholder when the lead has no owner (or there is no lead).</param>
    public static IReadOnlyList<ComposedSuggestion> Compose(string question, CopilotIntent intent, IReadOnlyList<KnowledgeSearchHit> hits, LeadFacts? lead,
        int max = CopilotLimits.MaxSuggestions, string? seller = null)
    {
        var query = CopilotText.Stems(question);
        var terms = KnowledgeText.Terms(question).ToHashSet(StringComparer.Ordinal);
        var documents = hits.Select((hit, rank) => (hit, rank)).GroupBy(x => x.hit.DocumentId)
            .Select(g => (Score: g.Max(x => x.hit.Score), Candidates: g.SelectMany(x => Candidates(x.hit, x.rank, query, terms, intent))
                .OrderBy(c => c.Kind).ThenByDescending(c => c.Relevance).ThenBy(c => c.Rank).ToList()))
            .ToList();
        if (documents.Count == 0) return [];
        // A scripted answer answers its own situation: the best document's is the reply, and another's only when the
        // message is as much about it ("achei caro, vou pensar" raises two objections).
        var top = documents[0].Score;
        bool AlsoAsked(int d) => d == 0 || (top > 0 && documents[d].Score >= top * SecondSituationShare);
        // Past the first reply, what a FAQ or another document states must be about the message (a FAQ's other questions
        // are not; one shared concept of a long message is not enough); the best document about a situation is about it already.
        var needed = Math.Max(1, Math.Min(2, terms.Count / 2));
        bool OnTopic(Candidate c) => c.Kind != Kind.Statement || c.Shared >= needed;
        var manyQuestions = hits[0].DocumentType is KnowledgeDocumentType.Faq or KnowledgeDocumentType.ProductInfo;
        var order = documents.Select((doc, d) => (doc, d)).Where(x => AlsoAsked(x.d)).Select(x => x.doc.Candidates.Take(1))
            .Append(documents[0].Candidates.Skip(1).Where(c => !manyQuestions || OnTopic(c)))
            // Each further document adds the best it states (not another situation's script).
            .Concat(documents.Skip(1).Select(doc => doc.Candidates.Where(c => c.Kind != Kind.Script && OnTopic(c)).Take(1)))
            .SelectMany(c => c);
        var chosen = new List<(string Text, HashSet<string> Stems, KnowledgeSearchHit Hit)>();
        foreach (var candidate in order)
        {
            if (chosen.Count == max) break;
            var text = Address(LeadPlaceholders.Fill(candidate.Text, lead, seller), lead);
            var stems = CopilotText.Stems(text);
            if (text.Length < 8 || chosen.Any(c => Overlap(c.Stems, stems) >= 0.6)) continue;
            chosen.Add((text, stems, candidate.Hit));
        }
        return chosen.Select(c => new ComposedSuggestion(c.Text, [new SuggestionSource(c.Hit.DocumentId, c.Hit.DocumentTitle, c.Hit.ChunkId)])).ToList();
    }

    /// <summary>The sendable replies in one passage, section by section (a chunk may hold a heading line of its own).</summary>
    private static IEnumerable<Candidate> Candidates(KnowledgeSearchHit hit, int rank, HashSet<string> query, HashSet<string> terms, CopilotIntent intent)
    {
        foreach (var (heading, text) in Sections(hit))
        {
            var role = PlaybookText.RoleOf(heading);
            if (role is PlaybookSectionRole.CustomerWords or PlaybookSectionRole.DoNot) continue;
            // Grounded: shares a word or a sales concept with the message, as the knowledge base's own analysis reads them ("caro" meets "valor").
            int About(string text) => KnowledgeText.Terms((heading ?? "") + "\n" + text).Where(terms.Contains).Distinct().Count();
            foreach (var quote in PlaybookText.Quotations(text))
            {
                if (Restates(quote, query)) continue;
                yield return new Candidate(role == PlaybookSectionRole.Answer || AnswerLabel().IsMatch(text) ? Kind.Script : Kind.Line,
                    SentenceScore(quote, query, Cues[intent], intent), About(quote), rank, CopilotText.Clip(quote, TargetLength + 80), hit);
            }
            // Prose: in a scripted answer all of it; elsewhere what speaks to the customer (FAQ and product sheets state facts to them).
            var statesFacts = hit.DocumentType is KnowledgeDocumentType.Faq or KnowledgeDocumentType.ProductInfo;
            var sentences = CopilotText.Sentences(PlaybookText.WithoutQuotations(text))
                .Where(s => role == PlaybookSectionRole.Answer || (!PlaybookText.IsGuidance(s) && (statesFacts || PlaybookText.SpeaksToCustomer(s))))
                // A FAQ answer's bare "Sim." answers its heading's question, not the customer's message: one content word is not a reply.
                .Where(s => CopilotText.Stems(s).Count > 1 && !s.TrimEnd().EndsWith(':') && !Restates(s, query))
                .ToList();
            if (sentences.Count == 0) continue;
            var scores = sentences.Select(s => SentenceScore(s, query, Cues[intent], intent)).ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            var reply = Expand(sentences, best);
            yield return new Candidate(role == PlaybookSectionRole.Answer ? Kind.Script : Kind.Statement, scores[best], About(reply), rank, reply, hit);
        }
    }

    /// <summary>The passage's sections: its own heading path's innermost heading, then any heading lines inside its text.</summary>
    private static IEnumerable<(string? Heading, string Text)> Sections(KnowledgeSearchHit hit)
    {
        var heading = hit.HeadingPath.Count > 0 ? hit.HeadingPath[^1] : null;
        var lines = new List<string>();
        foreach (var line in hit.Text.Split('\n'))
        {
            if (HeadingLine().Match(line) is { Success: true } m)
            {
                if (lines.Count > 0) yield return (heading, string.Join('\n', lines));
                (heading, lines) = (m.Groups[1].Value.Trim(), []);
                continue;
            }
            lines.Add(line);
        }
        if (lines.Count > 0) yield return (heading, string.Join('\n', lines));
    }

    /// <summary>
    /// How well a sentence answers: words shared with the question, the intent's cue words, a question for qualification;
    /// a line ending in a colon introduces something else.
    /// </summary>
    internal static double SentenceScore(string sentence, HashSet<string> query, string[] cues, CopilotIntent intent)
    {
        var stems = CopilotText.Stems(sentence);
        if (stems.Count == 0) return -1;
        var score = stems.Count(query.Contains) / Math.Sqrt(stems.Count + 1.0) + cues.Count(stems.Contains) * 0.3;
        if (intent == CopilotIntent.Qualification && sentence.TrimEnd().EndsWith('?')) score += 0.6;
        if (sentence.TrimEnd().EndsWith(':')) score -= 1.0;
        return score;
    }

    /// <summary>A short line made mostly of the customer's own words is the question, not the answer.</summary>
    private static bool Restates(string text, HashSet<string> query)
    {
        var stems = CopilotText.Stems(text);
        return query.Count > 0 && text.Length < 80 && stems.Count(query.Contains) >= Math.Max(1, stems.Count * 0.7);
    }

    /// <summary>Shared stems over the smaller set: 1 when one reply says what the other does.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    /// <summary>The best sentence and the ones after it, while the reply stays WhatsApp-sized; an answer label taken off.</summary>
    private static string Expand(IReadOnlyList<string> sentences, int best)
    {
        var parts = new List<string> { Clean(sentences[best]) };
        var length = parts[0].Length;
        for (var i = best + 1; i < sentences.Count && length < TargetLength; i++)
        {
            var next = Clean(sentences[i]);
            if (length + next.Length + 1 > TargetLength + 80) break;
            parts.Add(next);
            length += next.Length + 1;
        }
        return CopilotText.Clip(string.Join(' ', parts.Where(p => p.Length > 0)), TargetLength + 80);
    }

    private static string Clean(string sentence) => AnswerLabel().Replace(sentence, "").Trim();

    /// <summary>A reply that does not name the lead starts with their first name ("Larissa, os kits saem em 6x…").</summary>
    private static string Address(string text, LeadFacts? lead)
    {
        if (lead is null || lead.FirstName.Length < 2 || Regex.IsMatch(text, $@"\b{Regex.Escape(lead.FirstName)}\b")) return text;
        return $"{lead.FirstName}, {(KeepsCapital(text) ? text : char.ToLowerInvariant(text[0]) + text[1..])}";
    }

    /// <summary>
    /// Whether the opening word is a name rather than a word capitalized for starting the sentence: capitals inside it
    /// ("NFC-e"), a capitalized word after it ("Plano Anual"), or capitalized again inside the reply ("Pix … no Pix").
    /// </summary>
    private static bool KeepsCapital(string text)
    {
        var opening = OpeningWords().Match(text);
        if (!opening.Success) return true;
        var word = opening.Groups["word"].Value;
        return word.Skip(1).Any(char.IsUpper) || (opening.Groups["next"].Success && word.Length > 2)
            || Regex.IsMatch(text[word.Length..], $@"(?<![.!?:]\s*)\s{Regex.Escape(word)}\b");
    }

    [GeneratedRegex(@"^(resposta( sugerida)?|responda|diga|fale|script|como responder|answer|say|reply)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"^\s*#{1,6}\s+(.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(?<word>\p{Lu}[\p{L}\p{N}-]*)(\s+(?<next>\p{Lu}))?")]
    private static partial Regex OpeningWords();
}
