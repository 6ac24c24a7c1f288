using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>The communication dashboard (<see cref="CommunicationReport"/>). Needs <c>reports.view</c>.</summary>
public sealed class CommunicationAnalytics(AnalyticsScopes scopes)
{
    private static readonly MessageStatus[] Sent = [MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read];

    /// <summary>Figures over the visible leads' messages and waits in the period. Errors: see <see cref="AnalyticsScopes.OpenAsync"/>.</summary>
    public async Task<CommunicationReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        await using var scope = await scopes.OpenAsync(request, ct);
        var messages = scope.Messages;
        var directions = await messages.GroupBy(m => m.Direction).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var inbound = scope.Responses.Where(r => r.Kind == ResponseKind.Inbound);
        // Buckets, mean and the reps' figures in one scan of the answered waits (they took two before; ADR 044).
        var (count, avg, median, distribution, _, byRep) = await DurationBuckets.OfAsync(Answered(scope), byResponder: true, ct);
        distribution = distribution.Select(d => d with { Leads = scope.DrillUrl("answered", ("bucket", d.Bucket)) }).ToList();
        var waiting = await inbound.CountAsync(r => r.RespondedAt == null, ct);
        var ids = byRep.Select(r => r.ResponderId).ToList();
        var names = await scope.Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var inboundMessages = messages.Where(m => m.Direction == MessageDirection.Inbound);
        // SQLite groups by the stored text's hour (no date parsing per row); PostgreSQL by the epoch hour. The same hours.
        var hours = scope.Db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? (await inboundMessages.GroupBy(m => SqlTime.EpochHour(m.CreatedAt)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(h => (Start: DateTime.UnixEpoch.AddHours(Math.Floor(h.Key)), h.Count)).ToList()
            : (await inboundMessages.GroupBy(m => SqlTime.UtcHourText(m.CreatedAt)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(h => (Start: SqlTime.FromHourText(h.Key), h.Count)).ToList();
        var heat = new int[7, 24];
        foreach (var h in hours)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(h.Start, scope.Period.Zone);
            heat[(int)local.DayOfWeek, local.Hour] += h.Count;
        }
        return new CommunicationReport(scope.Period.From, scope.Period.To,
            new MessageCounts(directions.GetValueOrDefault(MessageDirection.Inbound), directions.GetValueOrDefault(MessageDirection.Outbound)),
            new ResponseFigures(count, avg, median, distribution, waiting, scope.DrillUrl("waiting")),
            byRep.Select(r => new RepResponseFigures(r.ResponderId, names.GetValueOrDefault(r.ResponderId, ""), r.Count, Math.Round(r.Seconds / 60.0 / r.Count, 1),
                    scope.DrillUrl("answered", ("responder_id", r.ResponderId.ToString()))))
                .OrderBy(r => r.AvgMinutes).ToList(),
            await TemplatesAsync(scope, ct),
            Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => new HourCell(d, h, heat[d, h]))).ToList());
    }

    /// <summary>The visible leads' inbound messages answered in the period (the response figures' population).</summary>
    internal static IQueryable<LeadResponse> Answered(AnalyticsScope scope) =>
        scope.Responses.Where(r => r.Kind == ResponseKind.Inbound && r.RespondedAt >= scope.Period.StartUtc && r.RespondedAt < scope.Period.EndUtc);

    /// <summary>Per template sent in the period; a send was replied to when its lead wrote within 24 hours of it (as <see cref="TemplateService.StatsAsync"/> counts).</summary>
    private static async Task<IReadOnlyList<TemplateFigures>> TemplatesAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var sends = await scope.Messages.Where(m => m.TemplateId != null && m.Direction == MessageDirection.Outbound)
            .Select(m => new { TemplateId = m.TemplateId!.Value, m.LeadId, m.CreatedAt, m.Status }).ToListAsync(ct);
        if (sends.Count == 0) return [];
        var leadIds = sends.Select(s => s.LeadId).Distinct().ToList();
        var until = scope.Period.EndUtc.AddHours(24);
        var replies = (await scope.Db.Messages.AsNoTracking()
                .Where(m => leadIds.Contains(m.LeadId) && m.Direction == MessageDirection.Inbound && m.CreatedAt >= scope.Period.StartUtc && m.CreatedAt < until)
                .Select(m => new { m.LeadId, m.CreatedAt }).ToListAsync(ct))
            .ToLookup(m => m.LeadId, m => m.CreatedAt);
        var templateIds = sends.Select(s => s.TemplateId).Distinct().ToList();
        var names = await scope.Db.MessageTemplates.Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return sends.GroupBy(s => s.TemplateId).Select(g =>
        {
            var sent = g.Count(s => Sent.Contains(s.Status));
            var delivered = g.Count(s => s.Status is MessageStatus.Delivered or MessageStatus.Read);
            var read = g.Count(s => s.Status == MessageStatus.Read);
            var replied = g.Count(s => Sent.Contains(s.Status) && replies[s.LeadId].Any(at => at >= s.CreatedAt && at <= s.CreatedAt.AddHours(24)));
            return new TemplateFigures(g.Key, names.GetValueOrDefault(g.Key, ""), sent, delivered, read, g.Count(s => s.Status == MessageStatus.Failed), replied,
                Rate(delivered, sent), Rate(read, sent), Rate(replied, sent));
        }).OrderByDescending(t => t.Sent).ToList();
    }
}
