namespace SalesCrm.Core.Copilot;

/// <summary>
/// The offline triage: pt-BR and English words and phrases (<see cref="TriageLexicon"/>) with negation ("não gostei"),
/// intensifiers ("muito caro"), emphasis ("!!!", capitals), emoji and chat spellings. Pure and fast (microseconds a
/// message), so it also backfills old messages and stands in whenever the chat model fails.
/// </summary>
public static class LexiconTriage
{
    /// <summary>How many words after a negator, within its clause, it turns around.</summary>
    private const int NegationReach = 3;

    /// <summary>Triage of <paramref name="text"/>; an empty text is neutral, normal, <see cref="MessageIntent.Other"/>.</summary>
    public static MessageTriage Analyze(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(MessageSentiment.Neutral, MessageUrgency.Normal, MessageIntent.Other, MessageTriage.LexiconProvider);
        var read = TriageText.Read(text);
        var intent = Intent(read);
        var score = SentimentScore(read, intent);
        var sentiment = score >= 1 ? MessageSentiment.Positive : score <= -1 ? MessageSentiment.Negative : MessageSentiment.Neutral;
        return new(sentiment, Urgency(read, intent, score), intent, MessageTriage.LexiconProvider);
    }

    private static MessageIntent Intent(TriageText text)
    {
        if (Matches(text, TriageLexicon.Complaint)) return MessageIntent.Complaint;
        if (Matches(text, TriageLexicon.NotInterested, negatable: false)) return MessageIntent.NotInterested;
        if (Matches(text, TriageLexicon.PriceObjection)) return MessageIntent.PriceObjection;
        if (Matches(text, TriageLexicon.PurchaseIntent)) return MessageIntent.PurchaseIntent;
        if (Matches(text, TriageLexicon.Scheduling)) return MessageIntent.Scheduling;
        if (OnlyGreeting(text)) return MessageIntent.Greeting;
        if (text.HasQuestionMark || TriageLexicon.QuestionStarts.Any(q => text.Joined.StartsWith(" " + q + " ", StringComparison.Ordinal))) return MessageIntent.Question;
        if (Matches(text, TriageLexicon.Thanks)) return MessageIntent.Thanks;
        if (Matches(text, TriageLexicon.Greeting)) return MessageIntent.Greeting;
        return MessageIntent.Other;
    }

    /// <summary>"Bom dia! Tudo bem?": nothing but greeting formulas (their question mark asks nothing).</summary>
    private static bool OnlyGreeting(TriageText text)
    {
        var rest = text.Joined;
        foreach (var phrase in TriageLexicon.Greeting.OrderByDescending(p => p.Length)) rest = rest.Replace(" " + phrase + " ", "  ", StringComparison.Ordinal);
        return rest != text.Joined && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(TriageLexicon.GreetingFillers.Contains);
    }

    /// <summary>
    /// Whether any phrase occurs as whole words. With <paramref name="negatable"/>, a match right after a negator does not
    /// count ("não quero fechar" is no purchase intent), unless the phrase holds its own negation ("não funciona").
    /// </summary>
    private static bool Matches(TriageText text, IEnumerable<string> phrases, bool negatable = true)
    {
        foreach (var phrase in phrases)
        {
            var needle = " " + phrase + " ";
            for (var at = text.Joined.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.Joined.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                if (!negatable || phrase.Split(' ').Any(TriageLexicon.Negators.Contains) || !Negated(text, WordIndex(text.Joined, at))) return true;
            }
        }
        return false;
    }

    private static int WordIndex(string joined, int charIndex) => joined.AsSpan(0, charIndex + 1).Count(' ') - 1;

    private static bool Negated(TriageText text, int wordIndex)
    {
        for (var i = Math.Max(0, wordIndex - NegationReach); i < wordIndex; i++)
        {
            // "não está caro não, gostei muito": the "não" closing one clause does not turn the next one around.
            if (TriageLexicon.Negators.Contains(text.Words[i]) && text.Clauses[i] == text.Clauses[wordIndex]) return true;
        }
        return false;
    }

    /// <summary>Sum of word polarities (turned around after a negator, ×1.5 after an intensifier), emoji, and the intent's lean.</summary>
    private static double SentimentScore(TriageText text, MessageIntent intent)
    {
        var score = 0.0;
        for (var i = 0; i < text.Words.Count; i++)
        {
            if (!TriageLexicon.Polarity.TryGetValue(text.Words[i], out var polarity) || polarity == 0) continue;
            // "bom dia", "tudo bem": greetings, not praise.
            if (i + 1 < text.Words.Count && TriageLexicon.Formulas.Contains((text.Words[i], text.Words[i + 1]))) continue;
            if (i > 0 && TriageLexicon.Intensifiers.Contains(text.Words[i - 1])) polarity *= 1.5;
            if (Negated(text, i)) polarity = polarity > 0 ? -polarity : -polarity * 0.5;
            score += polarity;
        }
        foreach (var (emoji, polarity) in TriageLexicon.EmojiPolarity)
        {
            if (text.Raw.Contains(emoji, StringComparison.Ordinal)) score += polarity;
        }
        score += intent switch
        {
            MessageIntent.Complaint => -1.5,
            MessageIntent.PriceObjection or MessageIntent.NotInterested => -1,
            MessageIntent.PurchaseIntent or MessageIntent.Thanks => 1,
            _ => 0,
        };
        // Shouting and "!!!" make whatever is said stronger, not better or worse.
        if (text.Emphasis >= 3 || text.Shouting) score *= 1.5;
        return score;
    }

    private static MessageUrgency Urgency(TriageText text, MessageIntent intent, double sentiment)
    {
        var points = 0;
        if (Matches(text, TriageLexicon.Urgent)) points += 2;
        else if (Matches(text, TriageLexicon.Soon)) points += 1;
        if (text.Emphasis >= 3) points++;
        if (text.Shouting) points++;
        if (intent == MessageIntent.Complaint) points++;
        if (sentiment <= -3) points++;
        if (points >= 2) return MessageUrgency.High;
        if (points == 0 && (intent is MessageIntent.Greeting or MessageIntent.Thanks or MessageIntent.NotInterested || Matches(text, TriageLexicon.Unhurried, negatable: false)))
            return MessageUrgency.Low;
        return Matches(text, TriageLexicon.Unhurried, negatable: false) ? MessageUrgency.Low : MessageUrgency.Normal;
    }
}
