using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// Won, value won, lost and win rate: the deals closed in the period as the pipeline and team reports count them
/// (<see cref="AnalyticsScope.Closings"/>: once per close, on the local day it closed, at its value then), narrowed by the
/// question's filters on the lead.
/// </summary>
internal static class ChatClosings
{
    public static async Task<ChatAnswer> AnswerAsync(ChatQuestion q, AnalyticsScope scope, Dictionary<string, string> filters, Dictionary<string, string> args, string origin,
        CancellationToken ct)
    {
        var rows = await RowsAsync(scope, filters, ct);
        var cur = scope.Currency;
        var en = q.Language == ChatLanguage.En;
        var (lang, period, filter) = (q.Language, ChatPhrases.Period(q.From, q.To, q.Language), ChatPhrases.Filters(q, cur));
        var won = rows.Where(r => r.Status == LeadStatus.Won).ToList();
        var lost = rows.Where(r => r.Status == LeadStatus.Lost).ToList();
        decimal Sum(IEnumerable<ChatRow> rs) => AnalyticsScope.Money(rs.Where(r => r.Currency == cur).Sum(r => r.ValueCents));
        decimal? Rate(IReadOnlyCollection<ChatRow> rs) => rs.Count == 0 ? null : Math.Round(100m * rs.Count(r => r.Status == LeadStatus.Won) / rs.Count, 1);
        var figures = new List<ChatFigure>();
        string text;
        switch (q.Metric)
        {
            case ChatMetric.Won:
                figures.AddRange([new(en ? "Deals won" : "Negócios ganhos", won.Count, "count"), new(en ? "Value won" : "Valor ganho", Sum(won), "money", cur)]);
                text = en ? $"{ChatPhrases.Count(won.Count, lang)} deals won {period}{filter}, worth {ChatPhrases.Money(Sum(won), cur, lang)}."
                    : $"{ChatPhrases.Count(won.Count, lang)} negócios ganhos {period}{filter}, somando {ChatPhrases.Money(Sum(won), cur, lang)}.";
                break;
            case ChatMetric.ValueWon:
                figures.AddRange([new(en ? "Value won" : "Valor ganho", Sum(won), "money", cur), new(en ? "Deals won" : "Negócios ganhos", won.Count, "count")]);
                text = en ? $"{ChatPhrases.Money(Sum(won), cur, lang)} won {period}{filter}, in {ChatPhrases.Count(won.Count, lang)} deals."
                    : $"{ChatPhrases.Money(Sum(won), cur, lang)} em negócios ganhos {period}{filter}, em {ChatPhrases.Count(won.Count, lang)} negócios.";
                break;
            case ChatMetric.Lost:
                figures.AddRange([new(en ? "Deals lost" : "Negócios perdidos", lost.Count, "count"), new(en ? "Value lost" : "Valor perdido", Sum(lost), "money", cur)]);
                text = en ? $"{ChatPhrases.Count(lost.Count, lang)} deals lost {period}{filter}, worth {ChatPhrases.Money(Sum(lost), cur, lang)}."
                    : $"{ChatPhrases.Count(lost.Count, lang)} negócios perdidos {period}{filter}, somando {ChatPhrases.Money(Sum(lost), cur, lang)}.";
                break;
            default:
                var rate = Rate(rows);
                if (rate is { } r) figures.Add(new ChatFigure(en ? "Win rate" : "Taxa de conversão", r, "percent"));
                figures.AddRange([new(en ? "Deals won" : "Negócios ganhos", won.Count, "count"), new(en ? "Deals closed" : "Negócios fechados", rows.Count, "count")]);
                text = rate is null
                    ? en ? $"No deal was closed {period}{filter}, so there is no win rate." : $"Nenhum negócio foi fechado {period}{filter}: não há taxa de conversão."
                    : en ? $"Win rate {period}{filter}: {ChatPhrases.Decimal((double)rate, lang)}% ({won.Count} won of {rows.Count} closed)."
                    : $"Taxa de conversão {period}{filter}: {ChatPhrases.Decimal((double)rate, lang)}% ({won.Count} ganhos de {rows.Count} fechados).";
                break;
        }
        if (q.Dimension is { } d)
            foreach (var (label, group) in await ChatGroups.ByAsync(scope, d, rows, lang, ct))
            {
                var gw = group.Where(r => r.Status == LeadStatus.Won).ToList();
                ChatFigure? f = q.Metric switch
                {
                    ChatMetric.Won => gw.Count == 0 ? null : new(label, gw.Count, "count"),
                    ChatMetric.ValueWon => gw.Count == 0 ? null : new(label, Sum(gw), "money", cur),
                    ChatMetric.Lost => group.Count == gw.Count ? null : new(label, group.Count - gw.Count, "count"),
                    _ => new(label, Rate(group) ?? 0, "percent"),
                };
                if (f is not null) figures.Add(f with { Group = SnakeEnum.ToText(d) });
            }
        var sorted = SortGroups(figures);
        var others = rows.Where(r => r.Currency != cur).GroupBy(r => r.Currency).Select(g => new CurrencyShare(g.Key, g.Count())).ToList();
        var url = scope.DrillUrl(q.Metric == ChatMetric.Lost ? "lost" : "won");
        return new ChatAnswer(text + ChatQueries.Breakdown(q, sorted) + ChatPhrases.OtherCurrencies(others, lang), sorted, null, new ChatQuery("closings", args, url), origin);
    }

    /// <summary>Breakdown figures largest first (months keep their order).</summary>
    internal static List<ChatFigure> SortGroups(List<ChatFigure> figures) =>
        figures.Where(f => f.Group is null)
            .Concat(figures.Where(f => f.Group is not null).OrderByDescending(f => f.Group == "month" ? 0 : f.Value).ThenBy(f => f.Group == "month" ? f.Label : "", StringComparer.Ordinal))
            .ToList();

    private static async Task<List<ChatRow>> RowsAsync(AnalyticsScope scope, IReadOnlyDictionary<string, string> filters, CancellationToken ct)
    {
        var leads = ChatFilters.Apply(scope.AllPipelines, filters);
        return await scope.Closings.Join(leads, h => h.LeadId, l => l.Id, (h, l) => new ChatRow
        {
            LeadId = h.LeadId, Status = h.ToStatus, At = h.At, OwnerId = h.OwnerId, StageId = h.FromStageId ?? h.ToStageId, Source = l.Source,
            UtmCampaign = l.UtmCampaign, ValueCents = h.ValueCents, Currency = h.Currency,
        }).ToListAsync(ct);
    }
}
