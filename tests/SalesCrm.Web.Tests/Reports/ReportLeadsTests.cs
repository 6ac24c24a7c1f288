using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Web.Features.Reports;
using SalesCrm.Web.Tests.Analytics;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Reports;

/// <summary>The dashboards' drill-down: a figure's URL read through the services lists the leads the API would, in the reader's visibility scope.</summary>
public abstract class ReportLeadsTests(CrmAppFactory app)
{
    private static readonly AnalyticsRequest October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

    private static Task<(PipelineReport Report, Dictionary<string, IReadOnlyList<string>> Lists)> DrillAsync(Session member, Func<PipelineReport, IEnumerable<string>> urls) =>
        member.AsMemberAsync(async sp =>
        {
            var report = await sp.GetRequiredService<PipelineAnalytics>().GetAsync(October);
            var lists = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var url in urls(report))
                lists[url] = (await sp.GetRequiredService<ReportLeads>().ListAsync(url)).Items.Select(l => l.Name).Order().ToList();
            return (report, lists);
        });

    [Fact]
    public async Task A_stage_bar_and_the_won_figure_list_the_leads_behind_them()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var novo = (PipelineReport r) => r.Stages.Single(s => s.Name == "Novo");
        var (report, lists) = await DrillAsync(w.Owner, r => [novo(r).Leads, r.Won.Leads]);
        Assert.Equal(["L1", "L5"], lists[novo(report).Leads]);
        Assert.Equal(["L3"], lists[report.Won.Leads]);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_leads_drills_into_their_own_leads_only()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var (ownerReport, everyone) = await DrillAsync(w.Owner, r => r.Stages.Select(s => s.Leads));
        var (_, mine) = await DrillAsync(w.Rep, _ => ownerReport.Stages.Select(s => s.Leads));
        var all = everyone.Values.SelectMany(n => n).ToList();
        var own = mine.Values.SelectMany(n => n).ToList();
        Assert.NotEmpty(own);
        Assert.True(own.Count < all.Count, $"rep sees {own.Count} of {all.Count}");
        Assert.All(own, name => Assert.Contains(name, all));
        var owners = await w.Rep.AsMemberAsync(async sp =>
            (await sp.GetRequiredService<ReportLeads>().ListAsync(ownerReport.Stages.Single(s => s.Name == "Novo").Leads)).Items.Select(l => l.OwnerId).Distinct().ToList());
        Assert.All(owners, o => Assert.Equal(w.Rep.UserId, o));
    }

    [Fact]
    public async Task A_speed_to_lead_bucket_lists_the_leads_first_answered_within_it()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var lists = await w.Owner.AsMemberAsync(async sp =>
        {
            var report = await sp.GetRequiredService<LeadAnalytics>().GetAsync(October);
            var found = new List<string>();
            foreach (var bucket in report.SpeedToLead.Distribution)
                found.Add(string.Join(",", (await sp.GetRequiredService<ReportLeads>().ListAsync(bucket.Leads!)).Items.Select(l => l.Name)));
            return found;
        });
        Assert.Equal(["", "", "L1", "L3", "", ""], lists);
    }

    [Fact]
    public async Task A_url_that_is_no_report_figure_is_refused()
    {
        var w = await AnalyticsWorld.CreateAsync(app);
        var error = await Assert.ThrowsAsync<ValidationException>(() => w.Owner.AsMemberAsync(sp => sp.GetRequiredService<ReportLeads>().ListAsync("/api/v1/members")));
        Assert.Contains("url", error.Errors.Keys);
    }
}

public sealed class ReportLeadsTestsOnSqlite(SqliteApp app) : ReportLeadsTests(app), IClassFixture<SqliteApp>;

public sealed class ReportLeadsTestsOnPostgres(PostgresApp app) : ReportLeadsTests(app), IClassFixture<PostgresApp>;
