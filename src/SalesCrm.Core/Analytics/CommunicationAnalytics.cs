using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>The communication dashboard (<see cref="CommunicationReport"/>). Needs <c>reports.view</c>.</summary>
public sealed class CommunicationAnalytics(AnalyticsScopes scopes)
{
    /// <summary>Figures over the visible leads' messages and waits in the period. Errors: see <see cref="AnalyticsScopes.OpenAsync"/>.</summary>
    public async Task<CommunicationReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        await using var scope = await scopes.OpenAsync(request, ct);
        var messages = scope.Messages;
        // One pass over the period's messages: per direction, hour and lead, so message counts, the busiest hours and the leads
        // behind each come from the same rows. A deleted lead's messages count as traffic, not as leads (a drill-down cannot list it).
        // SQLite groups by the stored text's hour (no date parsing per row, ADR 044); PostgreSQL by the epoch hour. The same hours.
        var traffic = Claims.WorkClaims.IsPostgres(scope.Db)
            ? (await messages.GroupBy(m => new { m.Direction, Hour = SqlTime.EpochHour(m.CreatedAt), m.LeadId })
                .Select(g => new { g.Key.Direction, g.Key.Hour, g.Key.LeadId, Count = g.Count() }).ToListAsync(ct))
                .Select(t => (t.Direction, t.Hour, t.LeadId, t.Count)).ToList()
            : (await messages.GroupBy(m => new { m.Direction, Hour = SqlTime.UtcHourText(m.CreatedAt), m.LeadId })
                .Select(g => new { g.Key.Direction, g.Key.Hour, g.Key.LeadId, Count = g.Count() }).ToListAsync(ct))
                .Select(t => (t.Direction, Hour: Math.Floor((SqlTime.FromHourText(t.Hour) - DateTime.UnixEpoch).TotalHours), t.LeadId, t.Count)).ToList();
        var gone = await DeletedWritersAsync(scope, ct);
        int Messages(MessageDirection d) => traffic.Where(t => t.Direction == d).Sum(t => t.Count);
        FigureLeads DirectionLeads(MessageDirection d) =>
            new(traffic.Where(t => t.Direction == d && !gone.Contains(t.LeadId)).Select(t => t.LeadId).Distinct().Count(),
                scope.DrillUrl("messages", ("direction", d == MessageDirection.Inbound ? "in" : "out")));

        var inbound = scope.Responses.Where(r => r.Kind == ResponseKind.Inbound);
        // Buckets, mean and the reps' figures in one scan of the answered waits (they took two before; ADR 044).
        var (count, avg, median, distribution, _, byRep) = await DurationBuckets.OfAsync(Answered(scope), byResponder: true, ct);
        distribution = distribution.Select(d => d with { Leads = scope.DrillUrl("answered", ("bucket", d.Bucket)) }).ToList();
        var waiting = await inbound.CountAsync(r => r.RespondedAt == null, ct);
        var ids = byRep.Select(r => r.ResponderId).ToList();
        var names = await scope.Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var heat = new int[7, 24];
        var writers = new HashSet<Guid>[7, 24];
        var cells = new Dictionary<double, (int Day, int Hour)>();
        foreach (var t in traffic.Where(t => t.Direction == MessageDirection.Inbound))
        {
            if (!cells.TryGetValue(t.Hour, out var cell)) cells[t.Hour] = cell = CellOf(scope.Period, t.Hour);
            var (day, hour) = cell;
            heat[day, hour] += t.Count;
            if (!gone.Contains(t.LeadId)) (writers[day, hour] ??= []).Add(t.LeadId);
        }
        return new CommunicationReport(scope.Period.From, scope.Period.To,
            new MessageCounts(Messages(MessageDirection.Inbound), Messages(MessageDirection.Outbound),
                DirectionLeads(MessageDirection.Inbound), DirectionLeads(MessageDirection.Outbound)),
            new ResponseFigures(count, avg, median, distribution, waiting, scope.DrillUrl("waiting")),
            byRep.Select(r => new RepResponseFigures(r.ResponderId, names.GetValueOrDefault(r.ResponderId, ""), r.Count, Math.Round(r.Seconds / 60.0 / r.Count, 1),
                    scope.DrillUrl("answered", ("responder_id", r.ResponderId.ToString()))))
                .OrderBy(r => r.AvgMinutes).ToList(),
            await TemplatesAsync(scope, ct),
            Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => new HourCell(d, h, heat[d, h],
                new FigureLeads(writers[d, h]?.Count ?? 0, scope.DrillUrl("messages", ("direction", "in"), ("weekday", d.ToString(CultureInfo.InvariantCulture)),
                    ("hour", h.ToString(CultureInfo.InvariantCulture))))))).ToList());
    }

    /// <summary>The deleted leads with messages in the period (none for a caller whose messages are already those of visible leads).</summary>
    private static async Task<HashSet<Guid>> DeletedWritersAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var messages = scope.Messages;
        return (await scope.Db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.SoftDelete]).AsNoTracking()
            .Where(l => l.DeletedAt != null && messages.Any(m => m.LeadId == l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The weekday (0 = Sunday) and hour in the period's zone of an hour since the epoch (<see cref="SqlTime.EpochHour"/>).</summary>
    internal static (int Day, int Hour) CellOf(ReportPeriod period, double epochHour)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddHours(Math.Floor(epochHour)), period.Zone);
        return ((int)local.DayOfWeek, local.Hour);
    }

    /// <summary>The hours since the epoch in the period that fall on <paramref name="weekday"/> at <paramref name="hour"/> in its zone (as <see cref="CellOf"/> places them).</summary>
    internal static List<double> HoursOf(ReportPeriod period, int weekday, int hour)
    {
        var first = (long)Math.Floor((period.StartUtc - DateTime.UnixEpoch).TotalHours);
        var last = (long)Math.Ceiling((period.EndUtc - DateTime.UnixEpoch).TotalHours);
        var hours = new List<double>();
        for (var h = first; h < last; h++)
            if (CellOf(period, h) == (weekday, hour)) hours.Add(h);
        return hours;
    }

    /// <summary>The visible leads' messages of the period in <paramref name="direction"/>, within the given hours since the epoch when any are given.</summary>
    internal static IQueryable<Message> MessagesOf(AnalyticsScope scope, MessageDirection direction, List<double>? hours)
    {
        var rows = scope.Messages.Where(m => m.Direction == direction);
        return hours is null ? rows : rows.Where(m => hours.Contains(SqlTime.EpochHour(m.CreatedAt)));
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
        var listed = (await scope.Leads.Where(l => leadIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
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
