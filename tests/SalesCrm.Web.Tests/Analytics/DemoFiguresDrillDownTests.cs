using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// Every clickable figure of the six dashboards on the demo workspace's data — generated at random, as the demo is — opens as
/// many leads as it shows: each report object that carries a lead count and its drill-down URL (<c>{ count, url }</c>, a
/// stage's <c>{ count, leads }</c>, a speed-to-lead bucket, a busiest-hours cell's <c>leads</c>) is followed and its
/// <c>total</c> compared, for several random seeds, over the dashboards' default period (the last 30 days) and this month. (Six more seeds passed when this was written.)
/// </summary>
public abstract class DemoFiguresDrillDownTests(CrmAppFactory app)
{
    private static readonly string[] Reports = ["pipeline", "leads", "communication", "team", "marketing", "forecast"];

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task Each_figure_opens_as_many_leads_as_it_counts(int seed)
    {
        var owner = await app.RegisterAsync("Demo " + seed);
        await owner.AddMemberAsync("sales_rep");
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoWorkspace.SeedPipelineAsync(scope.ServiceProvider, owner.TenantId, new Random(seed), CancellationToken.None);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mismatches = new List<string>();
        var checkedFigures = 0;
        foreach (var period in new[] { "", $"from={today:yyyy-MM}-01&to={today:yyyy-MM-dd}" })
            foreach (var report in Reports)
            {
                var body = await owner.GetJsonAsync($"/api/v1/analytics/{report}?{period}");
                foreach (var (path, count, url) in Figures(body, report))
                {
                    var drill = await owner.GetJsonAsync(url + (url.Contains('?') ? "&" : "?") + "limit=1");
                    checkedFigures++;
                    if ((int)drill["total"]! != count) mismatches.Add($"{path} [{period}] shows {count}, {url} has {(int)drill["total"]!}");
                }
            }
        Assert.True(checkedFigures > 20, $"only {checkedFigures} figures with a drill-down");
        Assert.Empty(mismatches);
    }

    /// <summary>Objects with an integer lead count and a drill-down URL: <c>{ count, url }</c> and <c>{ count, leads: "/api/…" }</c>; a busiest-hours cell's <c>leads</c> is itself such an object.</summary>
    private static IEnumerable<(string Path, int Count, string Url)> Figures(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["count"] is JsonValue c && c.TryGetValue<int>(out var count))
                {
                    var url = o["url"] ?? o["leads"];
                    if (url is JsonValue u && u.TryGetValue<string>(out var s) && s.Contains("/api/v1/", StringComparison.Ordinal))
                        yield return (path, count, s);
                }
                foreach (var (key, child) in o)
                    foreach (var figure in Figures(child, $"{path}.{key}"))
                        yield return figure;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var figure in Figures(a[i], $"{path}[{i}]"))
                        yield return figure;
                break;
        }
    }
}

public sealed class DemoFiguresDrillDownTestsOnSqlite(SqliteApp app) : DemoFiguresDrillDownTests(app), IClassFixture<SqliteApp>;

public sealed class DemoFiguresDrillDownTestsOnPostgres(PostgresApp app) : DemoFiguresDrillDownTests(app), IClassFixture<PostgresApp>;
