using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Components;

public class LiveRefreshTests
{
    [Fact]
    public async Task A_burst_of_requests_during_a_reload_costs_one_more_reload_not_one_each()
    {
        var reloads = 0;
        var gate = new TaskCompletionSource();
        var live = new LiveRefresh(work => work(), async () =>
        {
            Interlocked.Increment(ref reloads);
            await gate.Task;
        }, NullLogger.Instance);

        live.Request();
        for (var i = 0; i < 100; i++) live.Request();
        Assert.Equal(1, reloads);

        gate.SetResult();
        await Eventually.TrueAsync(() => reloads == 2);
        await Task.Delay(50);
        Assert.Equal(2, reloads);

        live.Request();
        await Eventually.TrueAsync(() => reloads == 3);
    }

    [Fact]
    public async Task A_failed_or_disposed_reload_does_not_stop_later_ones()
    {
        var reloads = 0;
        var live = new LiveRefresh(work => work(), () =>
        {
            var n = Interlocked.Increment(ref reloads);
            return n == 1 ? throw new InvalidOperationException("boom") : n == 2 ? throw new ObjectDisposedException("circuit") : Task.CompletedTask;
        }, NullLogger.Instance);
        live.Request();
        live.Request();
        live.Request();
        await Eventually.TrueAsync(() => reloads == 3);
    }

    [Fact]
    public async Task A_reload_requested_from_background_work_runs_in_the_culture_of_the_page_that_asked_for_it()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            string? seen = null, seenFormat = null;
            var live = new LiveRefresh(work => work(), () =>
            {
                (seen, seenFormat) = (CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name);
                return Task.CompletedTask;
            }, NullLogger.Instance);

            // The webhook delivery worker and the inbox processor run in the process's default culture.
            await Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                live.Request();
            });

            await Eventually.TrueAsync(() => seen is not null);
            Assert.Equal(("en", "en"), (seen, seenFormat));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
