using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// Runs a <see cref="ChatQuestion"/> on the analytics services and writes the answer from what they return: new leads through
/// <see cref="CustomReports"/>, closings through the reports' <see cref="AnalyticsScope.Closings"/>, open deals and lists through
/// <see cref="AnalyticsScope.Leads"/>, response times through <see cref="CommunicationAnalytics"/>, the forecast through
/// <see cref="ForecastAnalytics"/>. Every scope checks <c>reports.view</c> and applies the caller's visibility.
/// </summary>
public sealed class ChatQueries(AnalyticsScopes scopes, CustomReports reports, ForecastAnalytics forecast, CommunicationAnalytics communication)
{
    /// <summary>The answer to <paramref name="q"/>; <paramref name="origin"/> is <c>offline</c> or <c>model</c>. Errors as <see cref="AnalyticsScopes.OpenAsync"/>.</summary>
    public async Task<ChatAnswer> AnswerAsync(ChatQuestion q, string origin, CancellationToken ct)
    {
        await using var scope = await scopes.OpenAsync(new AnalyticsRequest(q.From, q.To), ct);
        var ownerId = q.Owner is null ? null : await OwnerIdAsync(scope.Db, q.Owner, ct);
        var stageIds = q.Stage is null ? null : await StageIdsAsync(scope.Db, q.Stage, ct);
        var filters = ChatFilters.Of(q, scope.Now, stageIds, ownerId);
        var args = Arguments(q, filters);
        return q.Metric switch
        {
            ChatMetric.NewLeads => await NewLeadsAsync(q, scope, filters, args, origin, ct),
            ChatMetric.Won or ChatMetric.ValueWon or ChatMetric.Lost or ChatMetric.WinRate => await ChatClosings.AnswerAsync(q, scope, filters, args, origin, ct),
            ChatMetric.OpenDeals or ChatMetric.OpenValue => await ChatOpenDeals.AnswerAsync(q, scope, filters, args, origin, ct),
            ChatMetric.DealList => await ChatOpenDeals.ListAsync(q, scope, filters, args, origin, ct),
            ChatMetric.AvgResponse => await ResponseAsync(q, scope, ownerId, args, origin, ct),
            _ => await ForecastAsync(q, scope, ownerId, args, origin, ct),
        };
    }

    private static Dictionary<string, string> Arguments(ChatQuestion q, IReadOnlyDictionary<string, string> filters)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal) { ["metric"] = SnakeEnum.ToText(q.Metric) };
        if (q.Metric is not (ChatMetric.OpenDeals or ChatMetric.OpenValue) && !(q.Metric == ChatMetric.DealList && !q.WonOnly))
            (args["from"], args["to"]) = (q.From.ToString("yyyy-MM-dd"), q.To.ToString("yyyy-MM-dd"));
        if (q.Dimension is { } d) args["group_by"] = SnakeEnum.ToText(d);
        foreach (var (k, v) in filters) args[k] = v;
        return args;
    }

    private async Task<ChatAnswer> NewLeadsAsync(ChatQuestion q, AnalyticsScope scope, Dictionary<string, string> filters, Dictionary<string, string> args, string origin,
        CancellationToken ct)
    {
        var dimension = q.Dimension is { } d ? SnakeEnum.ToText(d) : "status";
        var report = await reports.RunAsync(new CustomReportRequest(["leads", "value"], [dimension], filters, new AnalyticsRequest(q.From, q.To)), ct);
        int leadsAt = report.Columns.ToList().IndexOf("leads"), valueAt = report.Columns.ToList().IndexOf("value"), labelAt = report.Columns.ToList().IndexOf(dimension + "_label");
        var count = report.Rows.Sum(r => Convert.ToDecimal(r[leadsAt]));
        var value = report.Rows.Sum(r => Convert.ToDecimal(r[valueAt]));
        var en = q.Language == ChatLanguage.En;
        var figures = new List<ChatFigure> { new(en ? "New leads" : "Leads novos", count, "count"), new(en ? "Value" : "Valor", value, "money", report.Currency) };
        if (q.Dimension is { } dim)
            figures.AddRange(report.Rows.Select(r => new ChatFigure(GroupLabel(dim, (string?)(labelAt >= 0 ? r[labelAt] : r[0]) ?? (string?)r[0], q.Language),
                Convert.ToDecimal(r[leadsAt]), "count", null, dimension)));
        var text = en ? $"{ChatPhrases.Counted(count, "new_leads", q.Language)} {ChatPhrases.Period(q.From, q.To, q.Language)}{ChatPhrases.Filters(q, report.Currency)}, worth {ChatPhrases.Money(value, report.Currency, q.Language)}."
            : $"{ChatPhrases.Counted(count, "new_leads", q.Language)} {ChatPhrases.Period(q.From, q.To, q.Language)}{ChatPhrases.Filters(q, report.Currency)}, somando {ChatPhrases.Money(value, report.Currency, q.Language)}.";
        text += Breakdown(q, figures) + ChatPhrases.OtherCurrencies(report.OtherCurrencies, q.Language);
        var url = scope.LeadsUrl([("created_at", $"gte.{AnalyticsScope.Iso(scope.Period.StartUtc)}"), ("created_at", $"lt.{AnalyticsScope.Iso(scope.Period.EndUtc)}"), .. ChatFilters.Url(filters)]);
        return new ChatAnswer(text, figures, null, new ChatQuery("custom_report", args, url), origin);
    }

    private async Task<ChatAnswer> ResponseAsync(ChatQuestion q, AnalyticsScope scope, Guid? ownerId, Dictionary<string, string> args, string origin, CancellationToken ct)
    {
        var report = await communication.GetAsync(new AnalyticsRequest(q.From, q.To, OwnerId: ownerId), ct);
        var en = q.Language == ChatLanguage.En;
        var figures = new List<ChatFigure> { new(en ? "Answers" : "Respostas", report.Responses.Answered, "count") };
        string text;
        if (report.Responses.AvgMinutes is { } avg)
        {
            figures.Insert(0, new ChatFigure(en ? "Average response time" : "Tempo médio de resposta", (decimal)avg, "minutes"));
            text = en ? $"Average response time {ChatPhrases.Period(q.From, q.To, q.Language)}: {ChatPhrases.Decimal(avg, q.Language)} min over {ChatPhrases.Counted(report.Responses.Answered, "answers", q.Language)}."
                : $"Tempo médio de resposta {ChatPhrases.Period(q.From, q.To, q.Language)}: {ChatPhrases.Decimal(avg, q.Language)} min em {ChatPhrases.Counted(report.Responses.Answered, "answers", q.Language)}.";
        }
        else text = en ? $"No inbound message was answered {ChatPhrases.Period(q.From, q.To, q.Language)}." : $"Nenhuma mensagem recebida foi respondida {ChatPhrases.Period(q.From, q.To, q.Language)}.";
        if (q.Dimension == LeadDimension.Owner)
            figures.AddRange(report.ByRep.Select(r => new ChatFigure(r.Name, (decimal)r.AvgMinutes, "minutes", null, "owner")));
        text += Breakdown(q, figures);
        return new ChatAnswer(text, figures, null, new ChatQuery("communication", args, report.Responses.WaitingLeads), origin);
    }

    private async Task<ChatAnswer> ForecastAsync(ChatQuestion q, AnalyticsScope scope, Guid? ownerId, Dictionary<string, string> args, string origin, CancellationToken ct)
    {
        var report = await forecast.GetAsync(new AnalyticsRequest(q.From, q.To, OwnerId: ownerId), null, ct);
        var en = q.Language == ChatLanguage.En;
        var weighted = report.Months.Sum(m => m.Weighted);
        var best = report.Months.Sum(m => m.BestCase);
        var deals = report.Months.Sum(m => m.Deals);
        var figures = new List<ChatFigure>
        {
            new(en ? "Weighted forecast" : "Previsão ponderada", weighted, "money", report.Currency), new(en ? "Best case" : "Melhor caso", best, "money", report.Currency),
            new(en ? "Open deals" : "Negócios em aberto", deals, "count"),
        };
        figures.AddRange(report.Months.Select(m => new ChatFigure(m.Month, m.Weighted, "money", report.Currency, "month")));
        var period = ChatPhrases.Period(report.From, report.To, q.Language);
        var text = en ? $"Forecast {period}: {ChatPhrases.Money(weighted, report.Currency, q.Language)} weighted by stage probability (best case {ChatPhrases.Money(best, report.Currency, q.Language)}) from {ChatPhrases.Counted(deals, "open_deals", q.Language)}."
            : $"Previsão {period}: {ChatPhrases.Money(weighted, report.Currency, q.Language)} ponderado pela probabilidade da etapa (melhor caso {ChatPhrases.Money(best, report.Currency, q.Language)}) em {ChatPhrases.Counted(deals, "open_deals", q.Language)}.";
        if (report.Overdue.Count > 0)
            text += (en, report.Overdue.Count == 1) switch
            {
                (true, true) => " 1 open deal has a close date already past.",
                (true, false) => $" {report.Overdue.Count} open deals have a close date already past.",
                (false, true) => " 1 negócio em aberto já passou da data de fechamento.",
                _ => $" {report.Overdue.Count} negócios em aberto já passaram da data de fechamento.",
            };
        return new ChatAnswer(text + ChatPhrases.OtherCurrencies(report.OtherCurrencies, q.Language), figures, null,
            new ChatQuery("forecast", args, scope.LeadsUrl(("status", "eq.open"))), origin);
    }

    /// <summary>" Por origem: Instagram 3, WhatsApp 2, …" from the figures of the breakdown (the first five).</summary>
    internal static string Breakdown(ChatQuestion q, IReadOnlyList<ChatFigure> figures)
    {
        var groups = figures.Where(f => f.Group is not null).ToList();
        if (q.Dimension is not { } d || groups.Count == 0) return "";
        string Show(ChatFigure f) => f.Unit switch
        {
            "money" => ChatPhrases.Money(f.Value, f.Currency ?? "", q.Language),
            "percent" => $"{ChatPhrases.Decimal((double)f.Value, q.Language)}%",
            "minutes" => $"{ChatPhrases.Decimal((double)f.Value, q.Language)} min",
            _ => ChatPhrases.Count(f.Value, q.Language),
        };
        var dimension = ChatPhrases.Dimension(d, q.Language);
        return $" {char.ToUpperInvariant(dimension[0])}{dimension[1..]}: {string.Join("; ", groups.Take(5).Select(f => $"{f.Label} {Show(f)}"))}{(groups.Count > 5 ? "; …" : "")}.";
    }

    /// <summary>A group's label: a source's name, "(none)" for an empty key, or the label the report gave.</summary>
    internal static string GroupLabel(LeadDimension dimension, string? label, ChatLanguage language) =>
        label is null ? (language == ChatLanguage.En ? "(none)" : "(sem)")
        : dimension == LeadDimension.Source && SnakeEnum.TryParse<LeadSource>(label, out var s) ? ChatPhrases.Source(s, language) : label;

    private static async Task<Guid?> OwnerIdAsync(CrmDbContext db, string name, CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.User!.Name }).ToListAsync(ct);
        var folded = ChatText.Fold(name);
        var found = members.FirstOrDefault(m => ChatText.Fold(m.Name) == folded) ?? members.FirstOrDefault(m => ChatText.Fold(m.Name).Split(' ')[0] == folded.Split(' ')[0]);
        return found?.UserId ?? throw new ValidationException("owner", $"no member of this workspace is named '{name}'.");
    }

    private static async Task<IReadOnlyList<Guid>> StageIdsAsync(CrmDbContext db, string name, CancellationToken ct)
    {
        var stages = await db.Stages.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var folded = ChatText.Fold(name);
        var ids = stages.Where(s => ChatText.Fold(s.Name) == folded).Select(s => s.Id).ToList();
        return ids.Count > 0 ? ids : throw new ValidationException("stage", $"no stage of this workspace is named '{name}'.");
    }
}
