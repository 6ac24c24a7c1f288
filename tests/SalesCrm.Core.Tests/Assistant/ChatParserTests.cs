using SalesCrm.Core.Assistant;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Tests.Assistant;

/// <summary>The offline reader on pt-BR and en phrasings, today being Tuesday 1 December 2026 (the default period is 2 Nov – 1 Dec).</summary>
public class ChatParserTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly ChatVocabulary Names = new(["Novo", "Contato", "Qualificado", "Proposta", "Negociação", "Ganho", "Perdido"], ["Ana Souza", "Bruno Lima"]);

    /// <summary>The question in one line: metric, breakdown, period, filters, language.</summary>
    private static string? Describe(ChatQuestion? q)
    {
        if (q is null) return null;
        var parts = new List<string> { SnakeEnum.ToText(q.Metric) };
        if (q.WonOnly) parts.Add("won_only");
        if (q.Dimension is { } d) parts.Add($"by={SnakeEnum.ToText(d)}");
        parts.Add($"{q.From:yyyy-MM-dd}..{q.To:yyyy-MM-dd}");
        if (q.Source is { } s) parts.Add($"source={SnakeEnum.ToText(s)}");
        if (q.MinValue is { } min) parts.Add($"min={min:0.##}");
        if (q.MaxValue is { } max) parts.Add($"max={max:0.##}");
        if (q.StalledDays is { } days) parts.Add($"stalled={days}");
        if (q.Stage is { } stage) parts.Add($"stage={stage}");
        if (q.Owner is { } owner) parts.Add($"owner={owner}");
        parts.Add(q.Language == ChatLanguage.En ? "en" : "pt");
        return string.Join(" ", parts);
    }

    public static TheoryData<string, string> Understood => new()
    {
        { "quantos leads do Instagram fecharam em outubro?", "won 2026-10-01..2026-10-31 source=instagram pt" },
        { "quais negócios acima de 10 mil estão parados há mais de uma semana?", "deal_list 2026-11-02..2026-12-01 min=10000 stalled=7 pt" },
        { "How many Instagram leads closed in October?", "won 2026-10-01..2026-10-31 source=instagram en" },
        { "Which deals over 10k have been stuck for more than a week?", "deal_list 2026-11-02..2026-12-01 min=10000 stalled=7 en" },
        { "Quantos leads novos por origem nos últimos 30 dias?", "new_leads by=source 2026-11-02..2026-12-01 pt" },
        { "qual o valor ganho este mês por vendedor?", "value_won by=owner 2026-12-01..2026-12-01 pt" },
        { "Qual a taxa de conversão do mês passado?", "win_rate 2026-11-01..2026-11-30 pt" },
        { "qual o tempo médio de resposta esta semana?", "avg_response 2026-11-30..2026-12-01 pt" },
        { "Quanto temos em aberto no pipeline?", "open_value 2026-11-02..2026-12-01 pt" },
        { "qual a previsão de vendas para os próximos meses?", "forecast 2026-12-01..2027-02-28 pt" },
        { "What is the forecast for the next months?", "forecast 2026-12-01..2027-02-28 en" },
        { "quantos leads chegaram ontem?", "new_leads 2026-11-30..2026-11-30 pt" },
        { "How many new leads this week by campaign?", "new_leads by=utm_campaign 2026-11-30..2026-12-01 en" },
        { "quantos negócios ganhamos em 2026?", "won 2026-01-01..2026-12-31 pt" },
        { "QUANTOS NEGÓCIOS PERDEMOS NO MÊS PASSADO", "lost 2026-11-01..2026-11-30 pt" },
        { "quanto vendemos em outubro de 2025?", "value_won 2025-10-01..2025-10-31 pt" },
        { "quantos leads do whatsapp entraram hoje", "new_leads 2026-12-01..2026-12-01 source=whatsapp pt" },
        { "quantos leads do instagran fecharam em otubro", "won 2026-10-01..2026-10-31 source=instagram pt" },
        { "leads de Meta Ads por mês este ano", "new_leads by=month 2026-01-01..2026-12-01 source=meta_ads pt" },
        { "How many deals won by Ana last month?", "won 2026-11-01..2026-11-30 owner=Ana Souza en" },
        { "quantos negócios do Bruno estão em aberto?", "open_deals 2026-11-02..2026-12-01 owner=Bruno Lima pt" },
        { "quais negócios estão na etapa Proposta acima de R$ 5.000?", "deal_list 2026-11-02..2026-12-01 min=5000 stage=Proposta pt" },
        { "show me open deals under 2k", "deal_list 2026-11-02..2026-12-01 max=2000 en" },
        { "What was our win rate in September?", "win_rate 2026-09-01..2026-09-30 en" },
        { "quem vendeu mais este mês?", "value_won by=owner 2026-12-01..2026-12-01 pt" },
        { "average response time by rep in the last 7 days", "avg_response by=owner 2026-11-25..2026-12-01 en" },
        { "Open pipeline value by stage", "open_value by=stage 2026-11-02..2026-12-01 en" },
        { "quantos leads estão parados há mais de 10 dias na etapa Contato?", "open_deals 2026-11-02..2026-12-01 stalled=10 stage=Contato pt" },
        { "quais leads ganhamos na semana passada?", "deal_list won_only 2026-11-23..2026-11-29 pt" },
        { "negócios perdidos por origem em novembro", "lost by=source 2026-11-01..2026-11-30 pt" },
        { "how much revenue did we close in December 2025?", "value_won 2025-12-01..2025-12-31 en" },
        { "quantos leads de indicação acima de 10,5 mil este ano?", "new_leads 2026-01-01..2026-12-01 source=referral min=10500 pt" },
    };

    [Theory]
    [MemberData(nameof(Understood))]
    public void A_question_is_read_as_metric_breakdown_period_and_filters(string message, string expected) =>
        Assert.Equal(expected, Describe(ChatParser.Parse(message, Today, Names)));

    public static TheoryData<string> Refused => new()
    {
        "",
        "   ",
        "oi, tudo bem?",
        "qual a previsão do tempo amanhã?",
        "escreva um e-mail para o cliente",
        "qual o CPF do João?",
        "delete all leads",
        "how many cats are there",
        "quantas mensagens recebemos ontem?",
        "what is the meaning of life",
        "quem é você?",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_question_it_cannot_place_is_refused_rather_than_guessed(string message) => Assert.Null(ChatParser.Parse(message, Today, Names));

    [Theory]
    [InlineData("10.000", null, 10000)]
    [InlineData("10,000", null, 10000)]
    [InlineData("10,5", "mil", 10500)]
    [InlineData("1.5", "k", 1500)]
    [InlineData("2", "milhoes", 2000000)]
    [InlineData("1.234.567,89", null, 1234567.89)]
    public void Amounts_are_read_the_Brazilian_and_the_English_way(string digits, string? multiplier, double expected) =>
        Assert.Equal((decimal)expected, ChatText.Number(digits, multiplier));

    [Fact]
    public void A_month_later_in_the_year_than_today_means_last_year()
    {
        var q = ChatParser.Parse("quantos leads novos em dezembro?", new DateOnly(2026, 11, 15), Names)!;
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)), (q.From, q.To));
    }
}
