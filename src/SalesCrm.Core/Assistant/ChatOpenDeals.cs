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
        var rows = await ChatFilters.Apply(scope.AllPipelines.Where(l => l.Status == LeadStatus.Open), filters).Select(l => new ChatRow
        {
            LeadId = l.Id, Status = l.Status, At = l.CreatedAt, OwnerId = l.OwnerId, StageId = l.StageId, Source = l.Source, UtmCampaign = l.UtmCampaign,
            ValueCents = l.ValueCents, Currency = l.Currency,
        }).ToListAsync(ct);
        var (en, lang, filter) = (q.Language == ChatLanguage.En, q.Language, ChatPhrases.Filters(q, cur));
        decimal Sum(IEnumerable<ChatRow> rs) => AnalyticsScope.Money(rs.Where(r => r.Currency == cur).Sum(r => r.ValueCents));
        ChatFigure count = new(en ? "Open deals" : "Negócios em aberto", rows.Count, "count"), value = new(en ? "Open value" : "Valor em aberto", Sum(rows), "money", cur);
        var figures = q.Metric == ChatMetric.OpenValue ? new List<ChatFigure> { value, count } : [count, value];
        var text = en ? $"{ChatPhrases.Count(rows.Count, lang)} open deals now{filter}, worth {ChatPhrases.Money(value.Value, cur, lang)}."
            : $"{ChatPhrases.Count(rows.Count, lang)} negócios em aberto agora{filter}, somando {ChatPhrases.Money(value.Value, cur, lang)}.";
        if (q.Dimension is { } d)
            foreach (var (label, group) in await ChatGroups.ByAsync(scope, d, rows, lang, ct))
                figures.Add(q.Metric == ChatMetric.OpenValue ? new ChatFigure(label, Sum(group), "money", cur, SnakeEnum.ToText(d)) : new ChatFigure(label, group.Count, "count", null, SnakeEnum.ToText(d)));
        var sorted = ChatClosings.SortGroups(figures);
        var others = rows.Where(r => r.Currency != cur).GroupBy(r => r.Currency).Select(g => new CurrencyShare(g.Key, g.Count())).ToList();
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
        var which = q.WonOnly ? (en ? $"deals won {ChatPhrases.Period(q.From, q.To, lang)}" : $"negócios ganhos {ChatPhrases.Period(q.From, q.To, lang)}")
            : en ? "open deals" : "negócios em aberto";
        var text = total == 0 ? $"0 {which}{filter}."
            : en ? $"{ChatPhrases.Count(total, lang)} {which}{filter}, worth {ChatPhrases.Money(value, cur, lang)}."
            : $"{ChatPhrases.Count(total, lang)} {which}{filter}, somando {ChatPhrases.Money(value, cur, lang)}.";
        if (total > list.Count) text += en ? $" The {list.Count} largest are listed." : $" Listados os {list.Count} de maior valor.";
        var figures = new List<ChatFigure> { new(en ? "Deals" : "Negócios", total, "count"), new(en ? "Value" : "Valor", value, "money", cur) };
        var url = q.WonOnly ? scope.DrillUrl("won") : scope.LeadsUrl([("status", "eq.open"), .. ChatFilters.Url(filters)]);
        return new ChatAnswer(text, figures, list, new ChatQuery("deal_list", args, url), origin);
    }
}
