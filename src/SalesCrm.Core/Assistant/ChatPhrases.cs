using System.Globalization;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>The offline answer's words in pt-BR and en: numbers, money, periods, filters and the examples offered when a question is not understood.</summary>
public static class ChatPhrases
{
    public static readonly IReadOnlyList<string> ExamplesPt =
    [
        "Quantos leads do Instagram fecharam em outubro?",
        "Quais negócios acima de 10 mil estão parados há mais de uma semana?",
        "Quantos leads novos por origem nos últimos 30 dias?",
        "Qual o valor ganho este mês por vendedor?",
        "Qual a taxa de conversão do mês passado?",
        "Qual o tempo médio de resposta esta semana?",
        "Quanto temos em aberto no pipeline?",
        "Qual a previsão de vendas para os próximos meses?",
    ];

    public static readonly IReadOnlyList<string> ExamplesEn =
    [
        "How many Instagram leads closed in October?",
        "Which deals over 10k have been stuck for more than a week?",
        "How many new leads by source in the last 30 days?",
        "How much did we win this month by rep?",
        "What was the conversion rate last month?",
        "What is our average response time this week?",
        "What is the open pipeline value?",
        "What is the forecast for the next months?",
    ];

    /// <summary>The answer to a question the offline reader does not place: what it can answer, never a number.</summary>
    public static string Help(ChatLanguage language) => language == ChatLanguage.En
        ? "I could not understand that question. I can answer questions like:\n- " + string.Join("\n- ", ExamplesEn)
        : "Não entendi a pergunta. Posso responder perguntas como:\n- " + string.Join("\n- ", ExamplesPt);

    public static CultureInfo Culture(ChatLanguage language) => CultureInfo.GetCultureInfo(language == ChatLanguage.En ? "en-US" : "pt-BR");

    /// <summary>An amount in major units in the answer's language: <c>R$ 12.000,00</c>, <c>R$ 12,000.00</c> (see <see cref="Common.MoneyText"/>).</summary>
    public static string Money(decimal value, string currency, ChatLanguage language) => Common.MoneyText.Format(value, currency, Culture(language));

    public static string Count(decimal value, ChatLanguage language) => value.ToString("N0", Culture(language));

    /// <summary>
    /// A count with its noun in the right number: "1 negócio ganho", "0 negócios ganhos", "1 deal won", "2 deals won"
    /// (one is singular, every other count plural, as in both languages). <paramref name="noun"/> is a key of <see cref="Nouns"/>.
    /// </summary>
    public static string Counted(decimal count, string noun, ChatLanguage language)
    {
        var (ptOne, ptMany, enOne, enMany) = Nouns[noun];
        var one = count == 1;
        return $"{Count(count, language)} {(language == ChatLanguage.En ? one ? enOne : enMany : one ? ptOne : ptMany)}";
    }

    /// <summary>The nouns the offline answers count, singular and plural in pt-BR and en.</summary>
    public static readonly IReadOnlyDictionary<string, (string PtOne, string PtMany, string EnOne, string EnMany)> Nouns =
        new Dictionary<string, (string, string, string, string)>
        {
            ["deals_won"] = ("negócio ganho", "negócios ganhos", "deal won", "deals won"),
            ["deals_lost"] = ("negócio perdido", "negócios perdidos", "deal lost", "deals lost"),
            ["deals"] = ("negócio", "negócios", "deal", "deals"),
            ["open_deals"] = ("negócio em aberto", "negócios em aberto", "open deal", "open deals"),
            ["new_leads"] = ("lead novo", "leads novos", "new lead", "new leads"),
            ["answers"] = ("resposta", "respostas", "answer", "answers"),
            ["won"] = ("ganho", "ganhos", "won", "won"),
            ["closed"] = ("fechado", "fechados", "closed", "closed"),
        };

    public static string Decimal(double value, ChatLanguage language) => value.ToString("0.#", Culture(language));

    public static string Period(DateOnly from, DateOnly to, ChatLanguage language)
    {
        var culture = Culture(language);
        var format = language == ChatLanguage.En ? "MMM d, yyyy" : "dd/MM/yyyy";
        if (from == to) return language == ChatLanguage.En ? $"on {from.ToString(format, culture)}" : $"em {from.ToString(format, culture)}";
        return language == ChatLanguage.En ? $"from {from.ToString(format, culture)} to {to.ToString(format, culture)}"
            : $"de {from.ToString(format, culture)} a {to.ToString(format, culture)}";
    }

    public static string Source(LeadSource source, ChatLanguage language) => source switch
    {
        LeadSource.Whatsapp => "WhatsApp",
        LeadSource.MetaAds => "Meta Ads",
        LeadSource.Website => language == ChatLanguage.En ? "Website" : "Site",
        LeadSource.Referral => language == ChatLanguage.En ? "Referral" : "Indicação",
        LeadSource.Import => language == ChatLanguage.En ? "Import" : "Importação",
        LeadSource.Api => "API",
        _ => source.ToString(),
    };

    /// <summary>The filters of a question in words (" do Instagram, acima de R$ 10.000,00, parados há mais de 7 dias"), empty without filters.</summary>
    public static string Filters(ChatQuestion q, string currency)
    {
        var en = q.Language == ChatLanguage.En;
        var parts = new List<string>();
        if (q.Source is { } s) parts.Add((en ? "from " : "de ") + Source(s, q.Language));
        if (q.MinValue is { } min) parts.Add((en ? "over " : "acima de ") + Money(min, currency, q.Language));
        if (q.MaxValue is { } max) parts.Add((en ? "under " : "abaixo de ") + Money(max, currency, q.Language));
        if (q.StalledDays is { } d) parts.Add(en ? $"stuck in their stage for more than {d} days" : $"parados na etapa há mais de {d} dias");
        if (q.Stage is { } stage) parts.Add((en ? "in stage " : "na etapa ") + stage);
        if (q.Owner is { } owner) parts.Add((en ? "owned by " : "de ") + owner);
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>The dimension's name in a sentence ("por origem", "by source").</summary>
    public static string Dimension(LeadDimension d, ChatLanguage language) => (d, language == ChatLanguage.En) switch
    {
        (LeadDimension.Source, false) => "por origem", (LeadDimension.Source, true) => "by source",
        (LeadDimension.UtmCampaign, false) => "por campanha", (LeadDimension.UtmCampaign, true) => "by campaign",
        (LeadDimension.Stage, false) => "por etapa", (LeadDimension.Stage, true) => "by stage",
        (LeadDimension.Owner, false) => "por vendedor", (LeadDimension.Owner, true) => "by rep",
        (_, false) => "por mês", _ => "by month",
    };

    /// <summary>" Não somados: 2 leads em USD." when other currencies were left out of a sum.</summary>
    public static string OtherCurrencies(IReadOnlyList<CurrencyShare> others, ChatLanguage language) => others.Count == 0 ? ""
        : language == ChatLanguage.En ? $" Not summed: {string.Join(", ", others.Select(o => $"{o.Leads} in {o.Currency}"))}."
        : $" Não somados: {string.Join(", ", others.Select(o => $"{o.Leads} em {o.Currency}"))}.";
}
