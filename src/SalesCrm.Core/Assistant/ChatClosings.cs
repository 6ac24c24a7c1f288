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
        var tallies = await ChatGroups.TallyAsync(scope, Rows(scope, filters), q.Dimension, ct);
        var cur = scope.Currency;
        var en = q.Language == ChatLanguage.En;
        var (lang, period, filter) = (q.Language, ChatPhrases.Period(q.From, q.To, q.Language), ChatPhrases.Filters(q, cur));
        int Won(IEnumerable<ChatTally> ts) => ts.Where(t => t.Status == LeadStatus.Won).Sum(t => t.Count);
        int Closed(IEnumerable<ChatTally> ts) => ts.Sum(t => t.Count);
        decimal Sum(IEnumerable<ChatTally> ts, LeadStatus status) => AnalyticsScope.Money(ts.Where(t => t.Status == status && t.Currency == cur).Sum(t => t.Cents));
        decimal? Rate(IReadOnlyCollection<ChatTally> ts) => Closed(ts) == 0 ? null : Math.Round(100m * Won(ts) / Closed(ts), 1);
        var (won, lost, closed) = (Won(tallies), Closed(tallies) - Won(tallies), Closed(tallies));
        var figures = new List<ChatFigure>();
        string text;
        switch (q.Metric)
        {
            case ChatMetric.Won:
                figures.AddRange([new(en ? "Deals won" : "Negócios ganhos", won, "count"), new(en ? "Value won" : "Valor ganho", Sum(tallies, LeadStatus.Won), "money", cur)]);
                text = en ? $"{ChatPhrases.Counted(won, "deals_won", lang)} {period}{filter}, worth {ChatPhrases.Money(Sum(tallies, LeadStatus.Won), cur, lang)}."
                    : $"{ChatPhrases.Counted(won, "deals_won", lang)} {period}{filter}, somando {ChatPhrases.Money(Sum(tallies, LeadStatus.Won), cur, lang)}.";
                break;
            case ChatMetric.ValueWon:
                figures.AddRange([new(en ? "Value won" : "Valor ganho", Sum(tallies, LeadStatus.Won), "money", cur), new(en ? "Deals won" : "Negócios ganhos", won, "count")]);
                text = en ? $"{ChatPhrases.Money(Sum(tallies, LeadStatus.Won), cur, lang)} won {period}{filter}, in {ChatPhrases.Counted(won, "deals", lang)}."
                    : $"{ChatPhrases.Money(Sum(tallies, LeadStatus.Won), cur, lang)} em negócios ganhos {period}{filter}, em {ChatPhrases.Counted(won, "deals", lang)}.";
                break;
            case ChatMetric.Lost:
                figures.AddRange([new(en ? "Deals lost" : "Negócios perdidos", lost, "count"), new(en ? "Value lost" : "Valor perdido", Sum(tallies, LeadStatus.Lost), "money", cur)]);
                text = en ? $"{ChatPhrases.Counted(lost, "deals_lost", lang)} {period}{filter}, worth {ChatPhrases.Money(Sum(tallies, LeadStatus.Lost), cur, lang)}."
                    : $"{ChatPhrases.Counted(lost, "deals_lost", lang)} {period}{filter}, somando {ChatPhrases.Money(Sum(tallies, LeadStatus.Lost), cur, lang)}.";
                break;
            default:
                var rate = Rate(tallies);
                if (rate is { } r) figures.Add(new ChatFigure(en ? "Win rate" : "Taxa de conversão", r, "percent"));
                figures.AddRange([new(en ? "Deals won" : "Negócios ganhos", won, "count"), new(en ? "Deals closed" : "Negócios fechados", closed, "count")]);
                text = rate is null
                    ? en ? $"No deal was closed {period}{filter}, so there is no win rate." : $"Nenhum negócio foi fechado {period}{filter}: não há taxa de conversão."
                    : en ? $"Win rate {period}{filter}: {ChatPhrases.Decimal((double)rate, lang)}% ({won} won of {closed} closed)."
                    : $"Taxa de conversão {period}{filter}: {ChatPhrases.Decimal((double)rate, lang)}% ({ChatPhrases.Counted(won, "won", lang)} de {ChatPhrases.Counted(closed, "closed", lang)}).";
                break;
        }
        if (q.Dimension is { } d)
            foreach (var (label, group) in await ChatGroups.ByAsync(scope, d, tallies, lang, ct))
            {
                var gw = Won(group);
                ChatFigure? f = q.Metric switch
                {
                    ChatMetric.Won => gw == 0 ? null : new(label, gw, "count"),
                    ChatMetric.ValueWon => gw == 0 ? null : new(label, Sum(group, LeadStatus.Won), "money", cur),
                    ChatMetric.Lost => Closed(group) == gw ? null : new(label, Closed(group) - gw, "count"),
                    _ => new(label, Rate(group) ?? 0, "percent"),
                };
                if (f is not null) figures.Add(f with { Group = SnakeEnum.ToText(d) });
            }
        var sorted = SortGroups(figures);
        var others = ChatGroups.OtherCurrencies(tallies, cur);
        var url = scope.DrillUrl(q.Metric == ChatMetric.Lost ? "lost" : "won");
        return new ChatAnswer(text + ChatQueries.Breakdown(q, sorted) + ChatPhrases.OtherCurrencies(others, lang), sorted, null, new ChatQuery("closings", args, url), origin);
    }

    /// <summary>Breakdown figures largest first (months keep their order).</summary>
    internal static List<ChatFigure> SortGroups(List<ChatFigure> figures) =>
        figures.Where(f => f.Group is null)
            .Concat(figures.Where(f => f.Group is not null).OrderByDescending(f => f.Group == "month" ? 0 : f.Value).ThenBy(f => f.Group == "month" ? f.Label : "", StringComparer.Ordinal))
            .ToList();

    /// <summary>The closings as rows for the database to group (<see cref="ChatGroups.TallyAsync"/>); nothing is read here.</summary>
    private static IQueryable<ChatRow> Rows(AnalyticsScope scope, IReadOnlyDictionary<string, string> filters)
    {
        var leads = ChatFilters.Apply(scope.AllPipelines, filters);
        return scope.Closings.Join(leads, h => h.LeadId, l => l.Id, (h, l) => new ChatRow
        {
            LeadId = h.LeadId, Status = h.ToStatus, At = h.At, OwnerId = h.OwnerId, StageId = h.FromStageId ?? h.ToStageId, Source = l.Source,
            UtmCampaign = l.UtmCampaign, ValueCents = h.ValueCents, Currency = h.Currency,
        });
    }
}
