namespace SalesCrm.Web.Features.Reports;

/// <summary>What the <c>/reports</c> pages need beyond the analytics services (<c>AddAnalytics</c>).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<ReportLeads>();
}
