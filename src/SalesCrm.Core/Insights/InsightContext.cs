using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Insights;

/// <summary>
/// One workspace's run of the rules: its context (tenant-filtered), the instant they run at, the workspace's zone,
/// currency and language, and the two periods compared — the 30 local days up to yesterday and the 30 before them.
/// </summary>
public sealed class InsightContext(CrmDbContext db, Guid tenantId, DateTime nowUtc, TimeZoneInfo zone, string currency, string culture)
{
    public const int PeriodDays = 30;

    public CrmDbContext Db { get; } = db;
    public Guid TenantId { get; } = tenantId;
    public DateTime NowUtc { get; } = nowUtc;
    public TimeZoneInfo Zone { get; } = zone;
    /// <summary>The workspace's default currency: the one money figures are summed in.</summary>
    public string Currency { get; } = currency;
    /// <summary><c>pt-BR</c> or <c>en</c>: the language the texts are written in.</summary>
    public string Culture { get; } = culture;
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
    public ReportPeriod Current => new(Today.AddDays(-PeriodDays), Today.AddDays(-1), Zone);
    public ReportPeriod Previous => new(Today.AddDays(-2 * PeriodDays), Today.AddDays(-PeriodDays - 1), Zone);
}
