using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Home;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Bench;

/// <summary>The home page's day (<see cref="MyDayService"/>, as the page calls it) at scale, against a 500-lead workspace in the same run.</summary>
public static class HomeBench
{
    public static async Task RunAsync(BenchHost host, int leadCount, int requests, List<string> rows)
    {
        var big = await host.RegisterAsync("Bench home");
        var small = await host.RegisterAsync("Bench home small");
        await host.SeedAsync(big, leadCount, openOnly: false, interactionsPerLead: 1);
        await host.SeedAsync(small, 500, openOnly: false, interactionsPerLead: 1);
        var day = await DayAsync(host, big);
        Console.WriteLine($"Day @ {leadCount:N0}: {day.Overdue} overdue, {day.DueToday} today, {day.RottingDeals.Count} rotting, {day.NewLeads.Count} new today");
        rows.Add(Stats.Row($"Home: the owner's day @ {leadCount:N0} leads", await TimeAsync(host, big, requests)));
        rows.Add(Stats.Row("  same @ 500 leads (baseline)", await TimeAsync(host, small, requests)));
    }

    private static async Task<List<double>> TimeAsync(BenchHost host, BenchHost.Account account, int n)
    {
        for (var i = 0; i < 10; i++) await DayAsync(host, account);
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            await DayAsync(host, account);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    private static async Task<MyDay> DayAsync(BenchHost host, BenchHost.Account account)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new FixedCurrentUser(account.TenantId, account.UserId, DisplayName: "Bench User"));
        return await scope.ServiceProvider.GetRequiredService<MyDayService>().GetAsync(WorkspaceTimeZones.Default);
    }
}
