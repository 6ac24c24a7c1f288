using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>Open deals now (count and value, any breakdown) and lists of deals — open, or won in the period — over the caller's visible leads.</summary>
internal static class ChatOpenDeals
{
    public static async Task<ChatAnswer> AnswerAsync(ChatQuestion q, AnalyticsScope scope, Dictionary<string, string> filters, Dictionary<string, string> args, string origin,
        CancellationToken ct)
    {
        var cur = scope.Currency;
        var rows = ChatFilters.Apply(scope.AllPipelines.Where(l => l.Status == LeadStatus.Open), filters).Select(l => new ChatRow
        {
            LeadId = l.Id, Status = l.Status, At = l.CreatedAt, OwnerId = l.OwnerId, StageId = l.StageId, Source = l.Source, UtmCampaign = l.UtmCampaign,
            ValueCents = l.ValueCents, Currency = l.Currency,
        });
        var tallies = await ChatGroups.TallyAsync(scope, rows, q.Dimension, ct);
        var (en, lang, filter) = (q.Language == ChatLanguage.En, q.Language, ChatPhrases.Filters(q, cur));
        decimal Sum(IEnumerable<ChatTally> ts) => AnalyticsScope.Money(ts.Where(t => t.Currency == cur).Sum(t => t.Cents));
        var total = tallies.Sum(t => t.Count);
        ChatFigure count = new(en ? "Open deals" : "Negócios em aberto", total, "count"), value = new(en ? "Open value" : "Valor em aberto", Sum(tallies), "money", cur);
        var figures = q.Metric == ChatMetric.OpenValue ? new List<ChatFigure> { value, count } : [count, value];
        var text = en ? $"{ChatPhrases.Counted(total, "open_deals", lang)} now{filter}, worth {ChatPhrases.Money(value.Value, cur, lang)}."
            : $"{ChatPhrases.Counted(total, "open_deals", lang)} agora{filter}, somando {ChatPhrases.Money(value.Value, cur, lang)}.";
        if (q.Dimension is { } d)
            foreach (var (label, group) in await ChatGroups.ByAsync(scope, d, tallies, lang, ct))
                figures.Add(q.Metric == ChatMetric.OpenValue ? new ChatFigure(label, Sum(group), "money", cur, SnakeEnum.ToText(d))
                    : new ChatFigure(label, group.Sum(t => t.Count), "count", null, SnakeEnum.ToText(d)));
        var sorted = ChatClosings.SortGroups(figures);
        var others = ChatGroups.OtherCurrencies(tallies, cur);
        return new ChatAnswer(text + ChatQueries.Breakdown(q, sorted) + ChatPhrases.OtherCurrencies(others, lang), sorted, null,
            new ChatQuery("open_deals", args, scope.LeadsUrl([("status", "eq.open"), .. ChatFilters.Url(filters)])), origin);
    }

    /// <summary>The deals themselves, largest first (at most <see cref="ChatLimits.MaxLeads"/>; the figures count and sum them all).</summary>
    public static async Task<ChatAnswer> ListAsync(ChatQuestion q, AnalyticsScope scope, Dictionary<string, string> filters, Dictionary<string, string> args, string origin,
        CancellationToken ct)
    {
        var cur = scope.Currency;
        IQueryable<Lead> leads;
        if (q.WonOnly)
        {
            var ids = scope.Closings.Where(h => h.ToStatus == LeadStatus.Won).Select(h => h.LeadId);
            leads = ChatFilters.Apply(scope.AllPipelines.Where(l => ids.Contains(l.Id)), filters);
        }
        else leads = ChatFilters.Apply(scope.AllPipelines.Where(l => l.Status == LeadStatus.Open), filters);
        var total = await leads.CountAsync(ct);
        var cents = await leads.Where(l => l.Currency == cur).SumAsync(l => l.ValueCents, ct);
        var top = await leads.OrderByDescending(l => l.ValueCents).ThenBy(l => l.Name).Take(ChatLimits.MaxLeads)
            .Select(l => new { l.Id, l.Name, l.ValueCents, l.Currency, l.StageId, l.OwnerId, l.StageEnteredAt }).ToListAsync(ct);
        var stageIds = top.Select(l => l.StageId).Distinct().ToList();
        var stages = await scope.Db.Stages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ownerIds = top.Where(l => l.OwnerId != null).Select(l => l.OwnerId!.Value).Distinct().ToList();
        var owners = await scope.Db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var list = top.Select(l => new ChatLead(l.Id, l.Name, AnalyticsScope.Money(l.ValueCents), l.Currency, stages.GetValueOrDefault(l.StageId),
            l.OwnerId is { } o ? owners.GetValueOrDefault(o) : null, Math.Max(0, (int)(scope.Now - l.StageEnteredAt).TotalDays), $"/leads/{l.Id}")).ToList();
        var (en, lang, filter) = (q.Language == ChatLanguage.En, q.Language, ChatPhrases.Filters(q, cur));
        var value = AnalyticsScope.Money(cents);
        var which = ChatPhrases.Counted(total, q.WonOnly ? "deals_won" : "open_deals", lang) + (q.WonOnly ? " " + ChatPhrases.Period(q.From, q.To, lang) : "");
        var text = total == 0 ? $"{which}{filter}."
            : en ? $"{which}{filter}, worth {ChatPhrases.Money(value, cur, lang)}."
            : $"{which}{filter}, somando {ChatPhrases.Money(value, cur, lang)}.";
        if (total > list.Count) text += en ? $" The {list.Count} largest are listed." : $" Listados os {list.Count} de maior valor.";
        var figures = new List<ChatFigure> { new(en ? "Deals" : "Negócios", total, "count"), new(en ? "Value" : "Valor", value, "money", cur) };
        var url = q.WonOnly ? scope.DrillUrl("won") : scope.LeadsUrl([("status", "eq.open"), .. ChatFilters.Url(filters)]);
        return new ChatAnswer(text, figures, list, new ChatQuery("deal_list", args, url), origin);
    }
}
