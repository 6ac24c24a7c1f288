using System.Text.RegularExpressions;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// The offline reader of chat questions (pt-BR and en): finds the metric, the breakdown, the period and the filters by
/// keywords and small patterns over the folded text (accents, case and one typo per long word ignored). Anything it cannot
/// place returns null, and the caller answers with examples instead of a number.
/// </summary>
public static partial class ChatParser
{
    private static readonly string[] WonWords =
    [
        "fecharam", "fechou", "fechados", "fechadas", "fechado", "fechada", "fechamos", "fechei", "ganhos", "ganhas", "ganhamos", "ganho", "ganhou", "ganharam",
        "vendemos", "vendeu", "venderam", "vendido", "vendidos", "vendas", "venda", "convertidos", "converteram", "won", "closed", "sold", "sales", "win", "wins",
    ];

    private static readonly string[] LeadWords =
    [
        "lead", "leads", "negocio", "negocios", "deal", "deals", "oportunidade", "oportunidades", "opportunities", "opportunity", "contatos", "clientes", "customers",
        "contacts", "prospects", "cadastros", "vendas", "sales",
    ];

    /// <summary>
    /// The question in <paramref name="message"/>, or null when it is not one the offline reader answers. <paramref name="today"/>
    /// is the workspace's current day; <paramref name="vocabulary"/> its stage and member names.
    /// </summary>
    public static ChatQuestion? Parse(string message, DateOnly today, ChatVocabulary vocabulary)
    {
        var text = ChatText.Fold(message);
        if (text.Length == 0) return null;
        var language = LanguageOf(text);
        // The stall ("parados há mais de uma semana") goes first: its "mais de" and "semana" are not a value or a period.
        int? stalled = null;
        if (Stalled().Match(text) is { Success: true } stall)
        {
            var n = stall.Groups["n"].Success ? ChatText.Count(stall.Groups["n"].Value) ?? 1 : 1;
            var unit = stall.Groups["unit"].Value;
            stalled = unit.Length == 0 ? 7 : unit.StartsWith("sem", StringComparison.Ordinal) || unit.StartsWith("week", StringComparison.Ordinal) ? n * 7
                : unit.StartsWith("mes", StringComparison.Ordinal) || unit.StartsWith("month", StringComparison.Ordinal) ? n * 30 : n;
            text = text.Remove(stall.Index, stall.Length).Insert(stall.Index, " stalled ");
        }
        decimal? min = null, max = null;
        foreach (Match m in Value().Matches(text))
        {
            var amount = ChatText.Number(m.Groups["n"].Value, m.Groups["mult"].Success ? m.Groups["mult"].Value : null);
            if (amount is null) continue;
            if (m.Groups["op"].Value is "abaixo de" or "menos de" or "menor que" or "menores que" or "inferior a" or "inferiores a" or "under" or "below" or "less than" or "ate")
                max = amount;
            else min = amount;
        }
        text = Value().Replace(text, " ");
        // Requests to act or questions about anything else are not figures to look up.
        if (ChatText.HasPhrase(text, "previsao do tempo") || ChatText.HasWord(text, "apagar", "apague", "delete", "remove", "remover", "excluir", "exclua", "escreva", "escrever", "write", "envie", "enviar", "send",
                "crie", "criar", "create", "clima", "chuva", "weather", "temperatura", "rain", "cpf", "senha", "password"))
            return null;
        var period = ChatPeriods.Find(text, today);
        var dimension = DimensionOf(text);
        var metric = MetricOf(text, stalled is not null, min is not null || max is not null, period is not null, dimension is not null);
        if (metric is null) return null;
        if (metric == ChatMetric.DealList) dimension = null;
        if (dimension is null && metric is not (ChatMetric.NewLeads or ChatMetric.Forecast or ChatMetric.DealList)
            && (ChatText.HasWord(text, "quem", "who", "ranking", "leaderboard") || ChatText.HasPhrase(text, "melhor vendedor") || ChatText.HasPhrase(text, "best rep")))
            dimension = LeadDimension.Owner;
        var (from, to) = period ?? DefaultPeriod(metric.Value, today);
        var won = metric == ChatMetric.DealList && ChatText.HasWord(text, WonWords) && !ChatText.HasWord(text, "abertos", "abertas", "aberto", "open");
        return new ChatQuestion(metric.Value, dimension, from, to, period is not null, language, SourceOf(text), min, max, stalled,
            NameAfter(text, vocabulary.Stages, StagePrefixes), NameAfter(text, vocabulary.Owners, OwnerPrefixes), won);
    }

    /// <summary>The period a question without one reads: the 30 days to today, or for the forecast this month and the next two.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(ChatMetric metric, DateOnly today)
    {
        if (metric != ChatMetric.Forecast) return (today.AddDays(-29), today);
        var month = new DateOnly(today.Year, today.Month, 1);
        return (month, month.AddMonths(3).AddDays(-1));
    }

    /// <summary>
    /// The metric: a list when asked for one; else forecast, response time, win rate, lost, won, open and new leads by their
    /// words. A stall means open deals; a value bound alone too, unless a period says the leads of that period are meant.
    /// </summary>
    private static ChatMetric? MetricOf(string text, bool stalled, bool valueBound, bool hasPeriod, bool hasDimension)
    {
        var hasDealFilter = stalled || valueBound;
        var hasShape = hasPeriod || hasDimension;
        bool Has(params string[] words) => ChatText.HasWord(text, words);
        bool Phrase(params string[] phrases) => phrases.Any(p => ChatText.HasPhrase(text, p));
        var asksList = Has("quais", "liste", "listar", "lista", "mostre", "mostrar", "which", "list", "show") || Phrase("me mostra", "what deals", "what leads");
        var aboutDeals = Has(LeadWords);
        if (asksList && (aboutDeals || hasDealFilter)) return ChatMetric.DealList;
        if (Has("previsao", "previsto", "prevista", "forecast", "projecao", "projetado", "expected") || Phrase("vamos fechar", "will we close", "going to close", "vamos vender"))
            return ChatMetric.Forecast;
        if (Phrase("tempo de resposta", "tempo medio de resposta", "tempo para responder", "demora para responder", "demoramos para responder", "response time",
                "time to respond", "time to reply", "reply time", "tempo de retorno"))
            return ChatMetric.AvgResponse;
        if (Has("conversao", "conversion", "winrate") || Phrase("win rate", "taxa de ganho", "taxa de fechamento", "close rate", "taxa de sucesso"))
            return ChatMetric.WinRate;
        // Exact words: "quanto" is one letter from "quantos".
        string[] moneyWords = ["quanto", "quanta", "valor", "receita", "faturamento", "faturamos", "faturou", "faturado", "revenue", "value", "dinheiro", "total", "r$"];
        var money = text.Split(' ').Any(moneyWords.Contains) || Phrase("how much", "em reais");
        var won = Has(WonWords) || Phrase("quem vendeu", "who sold", "top seller", "best seller");
        var lost = Has("perdidos", "perdidas", "perdemos", "perdeu", "perderam", "perdido", "lost", "lose");
        var open = Has("aberto", "abertos", "aberta", "abertas", "open", "andamento", "negociacao", "pipeline", "funil") || stalled || (valueBound && !hasPeriod);
        var howMany = Has("quantos", "quantas", "numero", "count", "quantidade") || Phrase("how many", "number of");
        if (lost) return ChatMetric.Lost;
        if (won && money) return ChatMetric.ValueWon;
        if (won && (howMany || aboutDeals)) return ChatMetric.Won;
        if (won && Phrase("quem vendeu", "who sold", "quem mais vendeu", "who won")) return ChatMetric.ValueWon;
        if (open && money) return ChatMetric.OpenValue;
        if (open && (howMany || aboutDeals) && !Has("novos", "novas", "new", "chegaram", "entraram", "criados", "recebemos", "received", "created"))
            return ChatMetric.OpenDeals;
        if (aboutDeals && (howMany || hasShape || Has("novos", "novas", "new", "chegaram", "entraram", "criados", "recebemos", "received", "created")))
            return ChatMetric.NewLeads;
        return null;
    }

    private static LeadDimension? DimensionOf(string text)
    {
        bool Phrase(params string[] phrases) => phrases.Any(p => ChatText.HasPhrase(text, p));
        const string by = "(?:por|by|per|de cada|each|cada|qual|which)";
        if (Regex.IsMatch(text, $@"\b{by} (?:origem|origens|fonte|fontes|canal|canais|source|sources|channel|channels)\b")) return LeadDimension.Source;
        if (Regex.IsMatch(text, $@"\b{by} (?:campanha|campanhas|campaign|campaigns|utm)\b")) return LeadDimension.UtmCampaign;
        if (Regex.IsMatch(text, $@"\b{by} (?:etapa|etapas|estagio|estagios|fase|fases|stage|stages|coluna|colunas)\b")) return LeadDimension.Stage;
        if (Regex.IsMatch(text, $@"\b{by} (?:vendedor|vendedora|vendedores|responsavel|responsaveis|rep|reps|owner|owners|salesperson|pessoa|usuario|membro|member|seller|sellers)\b")
            || Phrase("da equipe", "do time", "per person"))
            return LeadDimension.Owner;
        if (Regex.IsMatch(text, $@"\b{by} (?:mes|meses|month|months)\b") || ChatText.HasWord(text, "mensal", "monthly", "mes a mes")) return LeadDimension.Month;
        return null;
    }

    private static LeadSource? SourceOf(string text)
    {
        if (ChatText.HasPhrase(text, "meta ads") || ChatText.HasPhrase(text, "facebook ads") || ChatText.HasPhrase(text, "instagram ads")
            || ChatText.HasWord(text, "anuncio", "anuncios", "metaads", "ads"))
            return LeadSource.MetaAds;
        if (ChatText.HasWord(text, "instagram", "insta", "ig")) return LeadSource.Instagram;
        if (ChatText.HasWord(text, "whatsapp", "whats", "zap", "wpp", "zapzap", "wa")) return LeadSource.Whatsapp;
        if (ChatText.HasWord(text, "facebook", "fb")) return LeadSource.Facebook;
        if (ChatText.HasWord(text, "site", "website", "formulario", "form")) return LeadSource.Website;
        if (ChatText.HasWord(text, "indicacao", "indicacoes", "indicados", "referral", "referrals", "referencia")) return LeadSource.Referral;
        if (ChatText.HasWord(text, "zapier")) return LeadSource.Zapier;
        if (ChatText.HasWord(text, "importacao", "importados", "import", "imported", "planilha")) return LeadSource.Import;
        return null;
    }

    private const string StagePrefixes = "etapa|estagio|fase|stage|coluna|em|no|na|in|at";
    private const string OwnerPrefixes = "do|da|de|dos|das|of|for|by|vendedor|vendedora|rep|responsavel|owner";

    /// <summary>The name among <paramref name="names"/> (full, or the first word of one of three letters or more) that follows one of <paramref name="prefixes"/>.</summary>
    private static string? NameAfter(string text, IReadOnlyList<string> names, string prefixes)
    {
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            var full = ChatText.Fold(name);
            var first = full.Split(' ')[0];
            foreach (var candidate in full == first || first.Length < 3 ? [full] : new[] { full, first })
                if (candidate.Length > 0 && Regex.IsMatch(text, $@"\b(?:{prefixes})(?: (?:etapa|stage|the|a|o))? {Regex.Escape(candidate)}\b|\b{Regex.Escape(candidate)}'s\b"))
                    return name;
        }
        return null;
    }

    /// <summary>The language of a folded question: English when it has more English marker words than Portuguese ones.</summary>
    public static ChatLanguage LanguageOf(string text)
    {
        string[] en = ["how", "many", "much", "which", "what", "who", "the", "did", "were", "was", "are", "is", "last", "this", "show", "list", "by", "over", "deals", "won", "open", "in", "of", "for", "from", "our", "we", "stuck", "stalled"];
        string[] pt = ["quantos", "quantas", "quanto", "quais", "qual", "quem", "de", "do", "da", "em", "no", "na", "os", "as", "que", "negocios", "mes", "nos", "estao", "foram", "fecharam", "temos", "por", "ha", "acima", "parados"];
        var words = text.Split(' ');
        return words.Count(en.Contains) > words.Count(pt.Contains) ? ChatLanguage.En : ChatLanguage.Pt;
    }

    [GeneratedRegex(@"\b(?:parad[oa]s?|estagnad[oa]s?|travad[oa]s?|emperrad[oa]s?|sem (?:movimento|movimentacao|andamento|mexer)|stalled|stuck|idle|sitting)(?: (?:ha|por|for|faz|a))?(?: (?:mais de|over|more than|at least|pelo menos))?(?: (?<n>\d+|uma?|um|duas|dois|tres|quatro|cinco|dez|quinze|trinta|a|an|one|two|three|four|five|ten|fifteen|thirty) (?<unit>dias?|days?|semanas?|weeks?|meses|mes|months?))?")]
    private static partial Regex Stalled();

    [GeneratedRegex(@"\b(?<op>acima de|mais de|maior que|maiores que|superior a|superiores a|a partir de|pelo menos|abaixo de|menos de|menor que|menores que|inferior a|inferiores a|ate|over|above|more than|greater than|at least|under|below|less than|worth over|worth more than)(?: (?:r\$|us\$|\$|reais|brl))? ?(?:r\$|us\$|\$)?(?<n>\d[\d.,]*)(?: ?(?<mult>mil|k|mi|milhao|milhoes|million|millions|m)\b)?(?: (?:reais|dollars|brl))?")]
    private static partial Regex Value();
}
