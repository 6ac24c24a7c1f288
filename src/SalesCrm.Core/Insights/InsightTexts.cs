using System.Globalization;

namespace SalesCrm.Core.Insights;

/// <summary>
/// The offline texts of each rule in the workspace's language (<c>pt-BR</c> default, <c>en</c>). Every number they print
/// is a figure of the evidence, formatted in the workspace's culture, so the figure check of a rewrite can trust them.
/// </summary>
public static class InsightTexts
{
    private static bool En(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static CultureInfo Format(string culture) => CultureInfo.GetCultureInfo(En(culture) ? "en-US" : "pt-BR");

    /// <summary>A number as the workspace writes it, with at most <paramref name="decimals"/> decimals.</summary>
    public static string Number(decimal value, string culture, int decimals = 0) =>
        Math.Round(value, decimals).ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Format(culture));

    /// <summary>An amount in major units as the workspace writes it: <c>R$ 1.000,00</c> (pt-BR), <c>R$ 1,000.00</c> (en); see <see cref="Common.MoneyText"/>.</summary>
    public static string Money(decimal value, string currency, string culture) => Common.MoneyText.Format(value, currency, Format(culture));

    /// <summary>The language an insight's texts are written in for <paramref name="culture"/>: <c>en</c> or <c>pt-BR</c> (anything else).</summary>
    public static string Language(string culture) => En(culture) ? "en" : "pt-BR";

    /// <summary>Whether two cultures write in the same language (<c>pt-BR</c> and <c>pt</c> do; <c>pt-BR</c> and <c>en-US</c> do not).</summary>
    public static bool SameLanguage(string a, string b) => En(a) == En(b);

    /// <summary>
    /// An insight's texts in <paramref name="culture"/>, written again from its kind (the message key) and its evidence (the
    /// arguments: figures, currency, and the pipeline, stages or member by id, named through <paramref name="names"/>).
    /// Null when the evidence lacks a figure the text needs (an insight stored by an older version).
    /// </summary>
    public static InsightText? Render(InsightKind kind, InsightEvidence e, Guid? subjectUserId, IReadOnlyDictionary<Guid, string> names, string culture)
    {
        var f = e.Figures;
        bool Has(params string[] keys) => keys.All(f.ContainsKey);
        string Name(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n : "";
        return kind switch
        {
            InsightKind.ConversionDrop when Has("forward", "exits", "rate_pct", "previous_forward", "previous_exits", "previous_rate_pct", "drop_pct", "period_days") =>
                ConversionDrop(culture, Name(e.PipelineId), Name(e.FromStageId), Name(e.ToStageId), f["forward"], f["exits"], f["rate_pct"], f["previous_forward"], f["previous_exits"],
                    f["previous_rate_pct"], f["drop_pct"], (int)f["period_days"]),
            InsightKind.HotLeadsUnanswered when Has("count", "oldest_wait_hours", "threshold_hours", "min_score") =>
                HotLeadsUnanswered(culture, f["count"], f["oldest_wait_hours"], (int)f["threshold_hours"], (int)f["min_score"]),
            InsightKind.ResponseTimeUp when Has("avg_minutes", "replies", "previous_avg_minutes", "previous_replies", "ratio", "period_days") =>
                ResponseTimeUp(culture, Name(subjectUserId), f["avg_minutes"], f["replies"], f["previous_avg_minutes"], f["previous_replies"], f["ratio"], (int)f["period_days"]),
            InsightKind.OverdueCloseDates when Has("count", "value", "oldest_overdue_days", "other_currency_count") =>
                OverdueCloseDates(culture, f["count"], f["value"], e.Currency ?? "", f["oldest_overdue_days"], f["other_currency_count"]),
            InsightKind.StalledHighValue when Has("count", "value", "threshold_value", "idle_days") =>
                StalledHighValue(culture, f["count"], f["value"], f["threshold_value"], e.Currency ?? "", (int)f["idle_days"]),
            _ => null,
        };
    }

    public static InsightText ConversionDrop(string culture, string pipeline, string from, string to, decimal forward, decimal exits, decimal rate,
        decimal previousForward, decimal previousExits, decimal previousRate, decimal drop, int days)
    {
        string N(decimal v, int d = 0) => Number(v, culture, d);
        return En(culture)
            ? new($"Conversion from {from} to {to} fell {N(drop)}%",
                $"In the last {days} days {N(forward)} of the {N(exits)} deals that left {from} moved on to {to} or further ({N(rate, 1)}%), against {N(previousForward)} of {N(previousExits)} ({N(previousRate, 1)}%) in the {days} days before, in the {pipeline} pipeline.",
                $"Look at the deals that left {from} backwards or lost, and review how {from} is qualified before moving on.")
            : new($"Conversão de {from} para {to} caiu {N(drop)}%",
                $"Nos últimos {days} dias, {N(forward)} dos {N(exits)} negócios que saíram de {from} avançaram para {to} ou além ({N(rate, 1)}%), contra {N(previousForward)} de {N(previousExits)} ({N(previousRate, 1)}%) nos {days} dias anteriores, no funil {pipeline}.",
                $"Veja os negócios que saíram de {from} para trás ou perdidos e revise a qualificação em {from} antes de avançar.");
    }

    public static InsightText HotLeadsUnanswered(string culture, decimal count, decimal oldestHours, int thresholdHours, int minScore)
    {
        string N(decimal v) => Number(v, culture);
        var one = count == 1;
        return En(culture)
            ? new(one ? $"1 hot lead without a reply for {thresholdHours} h" : $"{N(count)} hot leads without a reply for {thresholdHours} h",
                $"{(one ? "1 lead" : $"{N(count)} leads")} with high or urgent priority or a score of {minScore} or more {(one ? "has" : "have")} been waiting {thresholdHours} h or longer for a reply; the oldest for {N(oldestHours)} h.",
                "Reply today, starting with the one waiting longest.")
            : new(one ? $"1 lead quente sem resposta há {thresholdHours} h" : $"{N(count)} leads quentes sem resposta há {thresholdHours} h",
                $"{(one ? "1 lead" : $"{N(count)} leads")} com prioridade alta ou urgente ou pontuação a partir de {minScore} {(one ? "espera" : "esperam")} resposta há {thresholdHours} h ou mais; o mais antigo há {N(oldestHours)} h.",
                "Responda hoje, começando por quem espera há mais tempo.");
    }

    public static InsightText ResponseTimeUp(string culture, string rep, decimal minutes, decimal replies, decimal previousMinutes, decimal previousReplies, decimal ratio, int days)
    {
        string N(decimal v, int d = 0) => Number(v, culture, d);
        return En(culture)
            ? new($"{rep}'s response time doubled",
                $"In the last {days} days {rep} took {N(minutes, 1)} min on average to answer ({N(replies)} replies), against {N(previousMinutes, 1)} min ({N(previousReplies)} replies) in the {days} days before: {N(ratio, 1)}× slower.",
                $"Talk with {rep} about their conversation load and hand some leads to someone else if needed.")
            : new($"Tempo de resposta de {rep} dobrou",
                $"Nos últimos {days} dias, {rep} levou em média {N(minutes, 1)} min para responder ({N(replies)} respostas), contra {N(previousMinutes, 1)} min ({N(previousReplies)} respostas) nos {days} dias anteriores: {N(ratio, 1)}× mais lento.",
                $"Converse com {rep} sobre a carga de conversas e passe alguns leads para outra pessoa se preciso.");
    }

    public static InsightText OverdueCloseDates(string culture, decimal count, decimal value, string currency, decimal oldestDays, decimal otherCurrencies)
    {
        string N(decimal v) => Number(v, culture);
        var one = count == 1;
        var en = En(culture);
        var others = otherCurrencies == 0 ? "" : en ? $" ({N(otherCurrencies)} in other currencies not summed)" : $" ({N(otherCurrencies)} em outras moedas, fora da soma)";
        return en
            ? new(one ? "1 deal past its expected close date" : $"{N(count)} deals past their expected close date",
                $"{(one ? "1 open deal is" : $"{N(count)} open deals are")} past the expected close date, {Money(value, currency, culture)} in all{others}; the oldest by {N(oldestDays)} days.",
                "Update each expected close date, or close the deal as won or lost.")
            : new(one ? "1 negócio com data de fechamento vencida" : $"{N(count)} negócios com data de fechamento vencida",
                $"{(one ? "1 negócio aberto passou" : $"{N(count)} negócios abertos passaram")} da data prevista de fechamento, somando {Money(value, currency, culture)}{others}; o mais atrasado há {N(oldestDays)} dias.",
                "Atualize a data prevista de cada um ou encerre o negócio como ganho ou perdido.");
    }

    public static InsightText StalledHighValue(string culture, decimal count, decimal value, decimal threshold, string currency, int idleDays)
    {
        string N(decimal v) => Number(v, culture);
        var one = count == 1;
        return En(culture)
            ? new(one ? "1 high-value deal stalled" : $"{N(count)} high-value deals stalled",
                $"{(one ? "1 open deal" : $"{N(count)} open deals")} worth {Money(threshold, currency, culture)} or more (the top quarter of open deals) {(one ? "has" : "have")} had no move and no contact for {idleDays} days or more, {Money(value, currency, culture)} in all.",
                "Schedule a next step for each of them this week.")
            : new(one ? "1 negócio de alto valor parado" : $"{N(count)} negócios de alto valor parados",
                $"{(one ? "1 negócio aberto" : $"{N(count)} negócios abertos")} a partir de {Money(threshold, currency, culture)} (o quarto mais valioso dos abertos) {(one ? "está" : "estão")} sem movimentação nem contato há {idleDays} dias ou mais, somando {Money(value, currency, culture)}.",
                "Agende um próximo passo para cada um esta semana.");
    }
}
