using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// One report's context, opened by <see cref="AnalyticsScopes"/>: its own <see cref="CrmDbContext"/>, the period in the
/// workspace's zone, the currency money is summed in, and the rows the caller may see. Every query of every report starts
/// from <see cref="Leads"/> (or the logs filtered by it), so visibility, owner and pipeline filters are applied once, here.
/// </summary>
public sealed class AnalyticsScope(CrmDbContext db, ReportPeriod period, string currency, Guid? pipelineId, Guid? ownerId, Guid? restrictedTo, DateTime now, string culture)
    : IAsyncDisposable
{
    public CrmDbContext Db { get; } = db;
    public ReportPeriod Period { get; } = period;
    /// <summary>The ISO code every money figure is summed in; leads in other currencies are counted apart (<see cref="CurrencyShare"/>).</summary>
    public string Currency { get; } = currency;
    public Guid? PipelineId { get; } = pipelineId;
    /// <summary>The owner asked for (<c>owner_id</c>), if any.</summary>
    public Guid? OwnerId { get; } = ownerId;
    /// <summary>The caller's own id when their visibility is <c>own</c>: they see only their leads and their own figures.</summary>
    public Guid? RestrictedTo { get; } = restrictedTo;
    public DateTime Now { get; } = now;
    /// <summary>The workspace's culture (<c>pt-BR</c>, <c>en</c>): how exported files write numbers.</summary>
    public string Culture { get; } = culture;
    public DateOnly Today => Period.LocalDay(Now);

    /// <summary>The leads the caller may see (not deleted), of the owner asked for, any pipeline.</summary>
    public IQueryable<Lead> AllPipelines
    {
        get
        {
            var leads = Db.Leads.AsNoTracking();
            if (RestrictedTo is { } me) leads = leads.Where(l => l.OwnerId == me);
            if (OwnerId is { } owner) leads = leads.Where(l => l.OwnerId == owner);
            return leads;
        }
    }

    /// <summary><see cref="AllPipelines"/> of the pipeline asked for, if any.</summary>
    public IQueryable<Lead> Leads => PipelineId is { } p ? AllPipelines.Where(l => l.PipelineId == p) : AllPipelines;

    /// <summary>True when the caller sees every lead and asked for no owner: rows about leads need no join to <c>leads</c>.</summary>
    private bool Unrestricted => RestrictedTo is null && OwnerId is null;

    /// <summary>
    /// Stage changes of the visible leads, in the pipeline asked for, in the period. Deleted leads have none
    /// (<see cref="AnalyticsRows"/>), so a caller who sees everything reads the table alone, without a lookup per row.
    /// </summary>
    public IQueryable<LeadStageHistory> History
    {
        get
        {
            var rows = Db.LeadStageHistory.AsNoTracking().Where(h => h.At >= Period.StartUtc && h.At < Period.EndUtc);
            if (!Unrestricted)
            {
                var visible = AllPipelines;
                rows = rows.Where(h => visible.Any(l => l.Id == h.LeadId));
            }
            return PipelineId is { } p ? rows.Where(h => h.PipelineId == p) : rows;
        }
    }

    /// <summary>
    /// The visible leads' paths (<see cref="LeadFunnel"/>) in the pipeline asked for, if any, whatever their period: the same
    /// visibility as <see cref="History"/> (a deleted lead has none).
    /// </summary>
    public IQueryable<LeadFunnel> Funnels
    {
        get
        {
            var rows = Db.LeadFunnels.AsNoTracking();
            if (!Unrestricted)
            {
                var visible = AllPipelines;
                rows = rows.Where(f => visible.Any(l => l.Id == f.LeadId));
            }
            return PipelineId is { } p ? rows.Where(f => f.PipelineId == p) : rows;
        }
    }

    /// <summary>The closing changes (into won or lost) of <see cref="History"/>: a deal counts once per close, on the day it closed.</summary>
    public IQueryable<LeadStageHistory> Closings => History.Where(h => h.ToStatus != LeadStatus.Open && (h.FromStatus == null || h.FromStatus != h.ToStatus));

    /// <summary>Waits for a reply of the visible leads (any pipeline unless one is asked for).</summary>
    public IQueryable<LeadResponse> Responses
    {
        get
        {
            var visible = Leads;
            return Unrestricted && PipelineId is null ? Db.LeadResponses.AsNoTracking() : Db.LeadResponses.AsNoTracking().Where(r => visible.Any(l => l.Id == r.LeadId));
        }
    }

    /// <summary>
    /// WhatsApp messages of the visible leads in the period. A caller who sees everything reads the table alone: a deleted
    /// lead's messages (kept for its audit trail) still count in traffic figures.
    /// </summary>
    public IQueryable<Message> Messages
    {
        get
        {
            var visible = Leads;
            var rows = Db.Messages.AsNoTracking().Where(m => m.CreatedAt >= Period.StartUtc && m.CreatedAt < Period.EndUtc);
            return Unrestricted && PipelineId is null ? rows : rows.Where(m => visible.Any(l => l.Id == m.LeadId));
        }
    }

    /// <summary>Money in major units from minor ones.</summary>
    public static decimal Money(long cents) => cents / 100m;

    /// <summary>The other currencies among <paramref name="leads"/>: how many leads each has, so a figure says what its sums leave out.</summary>
    public async Task<IReadOnlyList<CurrencyShare>> OtherCurrenciesAsync(IQueryable<Lead> leads, CancellationToken ct) =>
        (await leads.Where(l => l.Currency != Currency).GroupBy(l => l.Currency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CurrencyShare(c.Key, c.Count)).ToList();

    /// <summary>
    /// A drill-down URL on the lead list (<c>/api/v1/leads</c>, PostgREST filters) with the report's pipeline and owner
    /// filters and <paramref name="filters"/> (field, <c>op.value</c>).
    /// </summary>
    public string LeadsUrl(params (string Field, string Filter)[] filters)
    {
        var parts = new List<string>();
        if (PipelineId is { } p) parts.Add($"pipeline_id=eq.{p}");
        if (OwnerId is { } o) parts.Add($"owner_id=eq.{o}");
        parts.AddRange(filters.Select(f => $"{f.Field}={Uri.EscapeDataString(f.Filter)}"));
        return "/api/v1/leads" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    /// <summary>A drill-down URL for figures the lead list cannot filter by (history, waits): <c>/api/v1/analytics/drilldown</c> with the report's filters.</summary>
    public string DrillUrl(string figure, params (string Name, string Value)[] extra) => DrillUrl(figure, Period.From, Period.To, extra);

    /// <summary>The same for part of the period (a week or month of <see cref="PipelineReport.ByPeriod"/>): days <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public string DrillUrl(string figure, DateOnly from, DateOnly to, params (string Name, string Value)[] extra)
    {
        var parts = new List<string> { $"figure={figure}", $"from={from:yyyy-MM-dd}", $"to={to:yyyy-MM-dd}" };
        if (PipelineId is { } p) parts.Add($"pipeline_id={p}");
        if (OwnerId is { } o) parts.Add($"owner_id={o}");
        parts.AddRange(extra.Select(e => $"{e.Name}={Uri.EscapeDataString(e.Value)}"));
        return "/api/v1/analytics/drilldown?" + string.Join("&", parts);
    }

    /// <summary>An instant as the lead list's filters read it (ISO 8601 UTC).</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
