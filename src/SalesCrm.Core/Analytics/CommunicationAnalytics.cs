using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>The communication dashboard (<see cref="CommunicationReport"/>). Needs <c>reports.view</c>.</summary>
public sealed class CommunicationAnalytics(AnalyticsScopes scopes)
{
    /// <summary>
    /// Figures over the visible leads' messages and waits in the period. Its three independent parts — traffic per direction,
    /// the busiest hours, and the responses with the templates — each read a few hundred thousand index entries at 100,000
    /// leads, so they run side by side on their own connections (ADR 053). Errors: see <see cref="AnalyticsScopes.OpenAsync"/>.
    /// </summary>
    public async Task<CommunicationReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        await using var scope = await scopes.OpenAsync(request, ct);
        await using var trafficScope = await scopes.ForkAsync(scope, ct);
        await using var hoursScope = await scopes.ForkAsync(scope, ct);
        // A deleted lead's messages count as traffic, not as leads (a drill-down cannot list it).
        var gone = await DeletedWritersAsync(scope, ct);
        // Task.Run: Microsoft.Data.Sqlite's async methods complete synchronously, so without it the parts would run in turn.
        var traffic = Task.Run(() => TrafficAsync(trafficScope, gone, ct), ct);
        var hours = Task.Run(() => BusiestHoursAsync(hoursScope, gone, ct), ct);
        var responses = ResponsesAsync(scope, ct);
        // The templates' figures share the first connection, after the responses.
        async Task<IReadOnlyList<TemplateFigures>> TemplatesAfterResponses()
        {
            await responses;
            return await TemplatesAsync(scope, ct);
        }
        var templates = TemplatesAfterResponses();
        await Task.WhenAll(traffic, hours, responses, templates);
        var (count, avg, median, distribution, waiting, byRep) = responses.Result;
        FigureLeads DirectionLeads(MessageDirection d) =>
            new(traffic.Result.GetValueOrDefault(d).Leads, scope.DrillUrl("messages", ("direction", d == MessageDirection.Inbound ? "in" : "out")));
        return new CommunicationReport(scope.Period.From, scope.Period.To,
            new MessageCounts(traffic.Result.GetValueOrDefault(MessageDirection.Inbound).Messages, traffic.Result.GetValueOrDefault(MessageDirection.Outbound).Messages,
                DirectionLeads(MessageDirection.Inbound), DirectionLeads(MessageDirection.Outbound)),
            new ResponseFigures(count, avg, median, distribution, waiting, scope.DrillUrl("waiting")),
            byRep, templates.Result, hours.Result);
    }

    /// <summary>Per direction: the messages and their distinct leads (deleted leads' messages count, the leads do not).</summary>
    private static async Task<Dictionary<MessageDirection, (int Messages, int Leads)>> TrafficAsync(AnalyticsScope scope, List<Guid> gone, CancellationToken ct)
    {
        // Grouped per lead first, so SQLite reads (direction, lead) in the order of IX_messages_traffic and counts without
        // sorting (ADR 053); only the sums come back, not a row per lead. PostgreSQL is told to do the same (ADR 054).
        await AnalyticsScopes.GroupInIndexOrderAsync(scope, ct);
        var perLead = scope.Messages.GroupBy(m => new { m.Direction, m.LeadId }).Select(g => new { g.Key.Direction, g.Key.LeadId, Count = g.Count() });
        var rows = gone.Count == 0
            ? await perLead.GroupBy(t => t.Direction).Select(g => new { g.Key, Messages = g.Sum(t => t.Count), Leads = g.Count() }).ToListAsync(ct)
            : await perLead.GroupBy(t => t.Direction).Select(g => new { g.Key, Messages = g.Sum(t => t.Count), Leads = g.Count(t => !gone.Contains(t.LeadId)) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Messages, r.Leads));
    }

    /// <summary>The busiest hours: inbound messages and their distinct writers per weekday and hour in the workspace's zone, grouped in SQL (168 cells at most).</summary>
    private static async Task<List<HourCell>> BusiestHoursAsync(AnalyticsScope scope, List<Guid> gone, CancellationToken ct)
    {
        var inbound = scope.Messages.Where(m => m.Direction == MessageDirection.Inbound);
        var cells = (gone.Count == 0
                ? await inbound.GroupBy(WeekHourOf(scope.Period)).Select(g => new { g.Key, Count = g.Count(), Leads = g.Select(m => m.LeadId).Distinct().Count() }).ToListAsync(ct)
                : await inbound.GroupBy(WeekHourOf(scope.Period))
                    .Select(g => new { g.Key, Count = g.Count(), Leads = g.Where(m => !gone.Contains(m.LeadId)).Select(m => m.LeadId).Distinct().Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key);
        return Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h =>
        {
            var cell = cells.GetValueOrDefault(d * 100 + h);
            return new HourCell(d, h, cell?.Count ?? 0, new FigureLeads(cell?.Leads ?? 0, scope.DrillUrl("messages", ("direction", "in"),
                ("weekday", d.ToString(CultureInfo.InvariantCulture)), ("hour", h.ToString(CultureInfo.InvariantCulture)))));
        })).ToList();
    }

    /// <summary>The answered waits' count, mean, median and distribution, the waits still open, and each rep's figures.</summary>
    private static async Task<(int Count, double? Avg, double? Median, IReadOnlyList<DurationBucket> Distribution, int Waiting, List<RepResponseFigures> ByRep)>
        ResponsesAsync(AnalyticsScope scope, CancellationToken ct)
    {
        // Buckets, mean and the reps' figures in one scan of the answered waits (they took two before; ADR 044).
        var (count, avg, median, distribution, _, byRep) = await DurationBuckets.OfAsync(Answered(scope), byResponder: true, ct);
        distribution = distribution.Select(d => d with { Leads = scope.DrillUrl("answered", ("bucket", d.Bucket)) }).ToList();
        var waiting = await scope.Responses.CountAsync(r => r.Kind == ResponseKind.Inbound && r.RespondedAt == null, ct);
        var ids = byRep.Select(r => r.ResponderId).ToList();
        var names = await scope.Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var reps = byRep.Select(r => new RepResponseFigures(r.ResponderId, names.GetValueOrDefault(r.ResponderId, ""), r.Count, Math.Round(r.Seconds / 60.0 / r.Count, 1),
                scope.DrillUrl("answered", ("responder_id", r.ResponderId.ToString()))))
            .OrderBy(r => r.AvgMinutes).ToList();
        return (count, avg, median, distribution, waiting, reps);
    }

    /// <summary>The deleted leads with messages in the period (none for a caller whose messages are already those of visible leads).</summary>
    private static async Task<List<Guid>> DeletedWritersAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var messages = scope.Messages;
        return (await scope.Db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]).AsNoTracking()
            .Where(l => l.DeletedAt != null && messages.Any(m => m.LeadId == l.Id)).Select(l => l.Id).ToListAsync(ct));
    }

    /// <summary>
    /// A message's weekday (Sunday = 0) × 100 + hour in the period's zone (<see cref="SqlTime.WeekHour"/>), by the zone's UTC
    /// offset at the message's instant: a zone that changes its offset inside the period (daylight saving) gets one branch per
    /// stretch of the same offset, so each message lands in the hour its sender's clock showed.
    /// </summary>
    internal static Expression<Func<Message, int>> WeekHourOf(ReportPeriod period)
    {
        var message = Expression.Parameter(typeof(Message), "m");
        var at = Expression.Property(message, nameof(Message.CreatedAt));
        var stretches = OffsetStretches(period);
        Expression offset = Expression.Constant(stretches[^1].Seconds);
        for (var i = stretches.Count - 2; i >= 0; i--)
            offset = Expression.Condition(Expression.LessThan(at, Expression.Constant(stretches[i].UntilUtc)), Expression.Constant(stretches[i].Seconds), offset);
        return Expression.Lambda<Func<Message, int>>(Expression.Call(typeof(SqlTime).GetMethod(nameof(SqlTime.WeekHour))!, at, offset), message);
    }

    /// <summary>The zone's UTC offsets (seconds) over the period, each with the instant (UTC) it ends; the last ends never.</summary>
    internal static List<(DateTime UntilUtc, int Seconds)> OffsetStretches(ReportPeriod period)
    {
        int OffsetAt(DateTime utc) => (int)period.Zone.GetUtcOffset(utc).TotalSeconds;
        var stretches = new List<(DateTime UntilUtc, int Seconds)>();
        var current = OffsetAt(period.StartUtc);
        // Zones change their offset on a quarter hour at the finest; a period is at most a few years of those steps.
        for (var at = period.StartUtc.AddMinutes(15); at < period.EndUtc; at = at.AddMinutes(15))
        {
            var next = OffsetAt(at);
            if (next == current) continue;
            stretches.Add((at, current));
            current = next;
        }
        stretches.Add((DateTime.MaxValue, current));
        return stretches;
    }

    /// <summary>
    /// The visible leads' messages of the period in <paramref name="direction"/>, on the weekday and hour (in the period's zone,
    /// as the heatmap places them) when given: a range filter on <c>CreatedAt</c> per time the zone's clock showed that hour
    /// (<see cref="CellSpans"/>), which the message indexes serve, instead of the cell expression computed for every message of
    /// the period (ADR 054).
    /// </summary>
    internal static IQueryable<Message> MessagesOf(AnalyticsScope scope, MessageDirection direction, int? weekday, int? hour)
    {
        var rows = scope.Messages.Where(m => m.Direction == direction);
        if (weekday is not { } day || hour is not { } h) return rows;
        var bounds = CellSpans(scope.Period, day, h).SelectMany(s => new[] { s.StartUtc, s.EndUtc }).ToArray();
        var message = Expression.Parameter(typeof(Message), "m");
        var at = Expression.Property(message, nameof(Message.CreatedAt));
        // bounds[i] (not a constant) becomes a query parameter, so one SQL text serves every period with as many spans.
        Expression Bound(int i) => Expression.ArrayIndex(Expression.Constant(bounds), Expression.Constant(i));
        // A balanced OR keeps the tree shallow for a three-year period's 160 spans.
        Expression Within(int first, int count) => count == 1
            ? Expression.AndAlso(Expression.GreaterThanOrEqual(at, Bound(2 * first)), Expression.LessThan(at, Bound(2 * first + 1)))
            : Expression.OrElse(Within(first, count / 2), Within(first + count / 2, count - count / 2));
        var spans = bounds.Length / 2;
        return rows.Where(Expression.Lambda<Func<Message, bool>>(spans == 0 ? Expression.Constant(false) : Within(0, spans), message));
    }

    /// <summary>
    /// The UTC spans [start, end) of the period in which the zone's clock shows <paramref name="weekday"/> (Sunday = 0) at
    /// <paramref name="hour"/>, in order, by the zone's offset at each instant as <see cref="WeekHourOf"/> places a message:
    /// an hour that daylight saving skips has no span, one it repeats has two.
    /// </summary>
    internal static List<(DateTime StartUtc, DateTime EndUtc)> CellSpans(ReportPeriod period, int weekday, int hour)
    {
        var spans = new List<(DateTime StartUtc, DateTime EndUtc)>();
        var from = period.StartUtc;
        foreach (var (until, seconds) in OffsetStretches(period))
        {
            var to = until < period.EndUtc ? until : period.EndUtc;
            var offset = TimeSpan.FromSeconds(seconds);
            for (var day = (from + offset).Date; day <= (to + offset).Date; day = day.AddDays(1))
            {
                if ((int)day.DayOfWeek != weekday) continue;
                var start = DateTime.SpecifyKind(day.AddHours(hour) - offset, DateTimeKind.Utc);
                var (s, e) = (start < from ? from : start, start.AddHours(1) > to ? to : start.AddHours(1));
                if (s >= e) continue;
                if (spans.Count > 0 && spans[^1].EndUtc == s) spans[^1] = (spans[^1].StartUtc, e);
                else spans.Add((s, e));
            }
            if (to >= period.EndUtc) break;
            from = to;
        }
        return spans;
    }

    /// <summary>The visible leads' inbound messages answered in the period (the response figures' population).</summary>
    internal static IQueryable<LeadResponse> Answered(AnalyticsScope scope) =>
        scope.Responses.Where(r => r.Kind == ResponseKind.Inbound && r.RespondedAt >= scope.Period.StartUtc && r.RespondedAt < scope.Period.EndUtc);

    /// <summary>Per template sent in the period; a send was replied to when its lead wrote within 24 hours of it (as <see cref="TemplateService.StatsAsync"/> counts).</summary>
    private static async Task<IReadOnlyList<TemplateFigures>> TemplatesAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var sends = await TemplateSendsAsync(scope, null, ct);
        if (sends.Count == 0) return [];
        var leadIds = sends.Select(s => s.LeadId).Distinct().ToList();
        // A deleted lead's sends still count as messages; the lead counts are of the leads a drill-down can list.
        var listed = (await scope.Leads.Where(l => leadIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct));
        var templateIds = sends.Select(s => s.TemplateId).Distinct().ToList();
        var names = await scope.Db.MessageTemplates.Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return sends.GroupBy(s => s.TemplateId).Select(g =>
        {
            var sent = g.Count(s => s.Reached("sent"));
            var delivered = g.Count(s => s.Reached("delivered"));
            var read = g.Count(s => s.Reached("read"));
            var replied = g.Count(s => s.Reached("replied"));
            FigureLeads Leads(string status) => new(g.Where(s => s.Reached(status) && listed.Contains(s.LeadId)).Select(s => s.LeadId).Distinct().Count(),
                scope.DrillUrl("template", ("template_id", g.Key.ToString()), ("status", status)));
            return new TemplateFigures(g.Key, names.GetValueOrDefault(g.Key, ""), sent, delivered, read, g.Count(s => s.Status == MessageStatus.Failed), replied,
                Rate(delivered, sent), Rate(read, sent), Rate(replied, sent), new TemplateLeads(Leads("sent"), Leads("delivered"), Leads("read"), Leads("replied")));
        }).OrderByDescending(t => t.Sent).ToList();
    }

    /// <summary>The template messages the visible leads were sent in the period (of <paramref name="templateId"/> when given), each marked replied or not.</summary>
    internal static async Task<IReadOnlyList<TemplateSend>> TemplateSendsAsync(AnalyticsScope scope, Guid? templateId, CancellationToken ct)
    {
        var query = scope.Messages.Where(m => m.TemplateId != null && m.Direction == MessageDirection.Outbound);
        if (templateId is { } only) query = query.Where(m => m.TemplateId == only);
        var sends = await query.Select(m => new { TemplateId = m.TemplateId!.Value, m.LeadId, m.CreatedAt, m.Status }).ToListAsync(ct);
        if (sends.Count == 0) return [];
        var leadIds = sends.Select(s => s.LeadId).Distinct().ToList();
        var until = scope.Period.EndUtc.AddHours(24);
        var replies = (await scope.Db.Messages.AsNoTracking()
                .Where(m => leadIds.Contains(m.LeadId) && m.Direction == MessageDirection.Inbound && m.CreatedAt >= scope.Period.StartUtc && m.CreatedAt < until)
                .Select(m => new { m.LeadId, m.CreatedAt }).ToListAsync(ct))
            .ToLookup(m => m.LeadId, m => m.CreatedAt);
        return sends.Select(s => new TemplateSend(s.TemplateId, s.LeadId, s.Status,
            replies[s.LeadId].Any(at => at >= s.CreatedAt && at <= s.CreatedAt.AddHours(24)))).ToList();
    }
}
