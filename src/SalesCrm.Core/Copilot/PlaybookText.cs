using System.Text.RegularExpressions;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// How the offline composer reads a playbook: the role of a section from its heading, the quoted lines it says to say,
/// and whether a sentence speaks to the customer (sendable) or instructs the rep about the customer (guidance). Rules for
/// pt-BR, English and Spanish playbooks; no model.
/// </summary>
public static partial class PlaybookText
{
    /// <summary>Imperative openers of instructions to the rep ("Use os números…", "Lembre que…", "Ask about…"), folded.</summary>
    private static readonly HashSet<string> Imperatives = new(StringComparer.Ordinal)
    {
        "use", "lembre", "combine", "registre", "mostre", "ofereca", "venda", "pergunte", "compare", "ajuste", "evite", "fale", "diga", "responda",
        "proponha", "comece", "confirme", "envie", "mande", "agende", "anote", "peca", "explique", "apresente", "reforce", "destaque", "deixe", "faca",
        "va", "pare", "chame", "ligue", "retome", "insista", "cite", "traga", "leve", "marque", "atualize", "reenvie", "descubra", "identifique", "pense",
        "remember", "offer", "show", "tell", "say", "avoid", "send", "schedule", "confirm", "propose", "start", "explain", "ask", "call", "mention", "follow",
        "ofrezca", "muestre", "pregunte", "evite", "envie", "recuerde", "llame",
    };

    /// <summary>Words of a reply in the first person plural or to "you" ("nosso técnico", "a gente troca", "você", "we", "your").</summary>
    private static readonly HashSet<string> Voice = new(StringComparer.Ordinal)
    {
        "voce", "voces", "seu", "sua", "seus", "suas", "te", "nosso", "nossa", "nossos", "nossas", "gente", "conosco", "consigo", "posso",
        "you", "your", "we", "our", "us", "usted", "ustedes", "nuestro", "nuestra", "nosotros",
    };

    /// <summary>The role of a section under <paramref name="heading"/> (its own heading, the innermost).</summary>
    public static PlaybookSectionRole RoleOf(string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading)) return PlaybookSectionRole.Other;
        var folded = CopilotText.Normalize(heading);
        if (DoNotHeading().IsMatch(folded)) return PlaybookSectionRole.DoNot;
        if (CustomerHeading().IsMatch(folded)) return PlaybookSectionRole.CustomerWords;
        return AnswerHeading().IsMatch(folded) ? PlaybookSectionRole.Answer : PlaybookSectionRole.Other;
    }

    /// <summary>
    /// The passage's quotations of at least 25 characters, in order, without their marks or an answer label — except a
    /// quotation the passage attributes to the customer ("Cliente: "…"").
    /// </summary>
    public static IReadOnlyList<string> Quotations(string text) =>
        Quotation().Matches(text).Where(m => !CustomerLabel().IsMatch(text[..m.Index]) && !QuotesTheCustomer(text, m.Index))
            .Select(m => m.Groups["q"].Value.Trim()).Where(q => q.Length >= 25 && q.Contains(' ')).ToList();

    /// <summary>
    /// Whether the sentence holding the quotation at <paramref name="index"/> reports what the customer said before it
    /// ("Se o cliente pediu horário pelo anúncio ("ainda têm horário…?")"): those are the customer's words, never a reply.
    /// </summary>
    private static bool QuotesTheCustomer(string text, int index)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n', ':'], Math.Max(0, index - 1)) + 1;
        return CustomerSpeaks().IsMatch(CopilotText.Normalize(text[start..index]));
    }

    /// <summary>The passage with its quotations taken out (what is left is prose).</summary>
    public static string WithoutQuotations(string text) => Quotation().Replace(text, " ");

    /// <summary>
    /// Whether a sentence instructs the rep rather than speaks to the customer: it opens with an imperative ("Use…",
    /// "Depois, agende…"), or talks about "o cliente" / "the customer" in the third person.
    /// </summary>
    public static bool IsGuidance(string sentence)
    {
        var words = CopilotText.Words(sentence).Take(2).ToList();
        if (words.Count > 0 && Imperatives.Contains(words[0])) return true;
        if (words.Count > 1 && Connector().IsMatch(words[0]) && Imperatives.Contains(words[1])) return true;
        return AboutTheCustomer().IsMatch(CopilotText.Normalize(sentence));
    }

    /// <summary>Whether a sentence is said to the customer: "você", "seu", "nosso", "a gente", a verb in the first person plural ("temos", "atendemos"), "we", "your".</summary>
    public static bool SpeaksToCustomer(string sentence) =>
        CopilotText.Words(sentence).Any(w => Voice.Contains(w) || (w.Length >= 6 && FirstPersonPlural().IsMatch(w)));

    [GeneratedRegex(@"(?<open>[""“])(?<q>[^""“”\n]{2,}?)[""”]")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b(cliente|lead|customer|el cliente)\b.*\b(pediu|perguntou|pergunta|pede|disse|diz|falou|fala|escreveu|escreve|mandou|manda|respondeu|reclamou|asked|asks|said|says|wrote|writes|pidio|pregunto|dijo)\b")]
    private static partial Regex CustomerSpeaks();

    [GeneratedRegex(@"(cliente|customer|obje[cç][aã]o|objection)\s*:\s*[^\n]{0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex CustomerLabel();

    [GeneratedRegex(@"\b(o que nao fazer|nao faca|evite|erros comuns|what not to do|dont|do not|avoid|que no hacer)\b")]
    private static partial Regex DoNotHeading();

    [GeneratedRegex(@"\b(como o cliente|o cliente (diz|fala|costuma)|cliente costuma|quando aparece|sinais|how (the )?customers? (say|put)|customer says|what the customer says|when it (comes up|appears)|como lo dice|cuando aparece)\b")]
    private static partial Regex CustomerHeading();

    // At the start: "Resposta sugerida" is the reply, "Depois da resposta" is what comes after it.
    [GeneratedRegex(@"^(respostas?|responda|o que dizer|como responder|script|mensagem|modelo de mensagem|fala sugerida|suggested (answer|reply)|answer|reply|what to say|respuesta|que decir)\b")]
    private static partial Regex AnswerHeading();

    [GeneratedRegex(@"^(depois|entao|antes|primeiro|em seguida|then|first|next|luego)$")]
    private static partial Regex Connector();

    [GeneratedRegex(@"\b(o|a|do|da|ao|pelo|pela|no|na|seu|sua|the|el|al|del) (cliente|clientes|customer|customers|lead)\b")]
    private static partial Regex AboutTheCustomer();

    [GeneratedRegex(@"(amos|emos|imos)$")]
    private static partial Regex FirstPersonPlural();
}
