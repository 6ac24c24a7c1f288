using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// An instance stopping in the middle of its inbox batch releases the rows it claimed, so another instance takes them
/// at once instead of after the lease (ADR 047).
/// </summary>
public sealed class InboxShutdownTests
{
    [Fact]
    public async Task Stopping_mid_batch_releases_the_claimed_items_at_once_and_they_stay_pending()
    {
        await using var graph = new GraphStub { LookupDelay = TimeSpan.FromSeconds(3) };
        await using var database = await SharedPostgresDatabase.CreateAsync();
        // Its own worker off: the test runs the batch itself and stops it.
        await using var instance = new AppInstance(database.ConnectionString,
            settings: [.. MetaBurst.Settings(graph, "stopping", leaseSeconds: 600), new("Inbox:ProcessingEnabled", "false")]);
        var owner = await instance.RegisterAsync();
        var pageId = MetaBurst.NewPageId();
        await MetaBurst.ConnectPageAsync(owner, pageId);
        var client = instance.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            graph.Leads[$"{pageId}{i}"] = new() { ["full_name"] = $"Lead {i}" };
            Assert.Equal(HttpStatusCode.OK, (await MetaBurst.PostAsync(client, pageId, $"{pageId}{i}")).StatusCode);
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await using (var scope = instance.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<InboxProcessor>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessDueAsync(20, stopping.Token));
        }

        await using var scoped = await MetaBurst.DbAsync(instance);
        var rows = await scoped.Db.Inbox.IgnoreQueryFilters().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((string?)null, r.ClaimedBy));
        Assert.All(rows, r => Assert.Null(r.LeaseUntil));
        Assert.Contains(rows, r => r.Status == InboxStatus.Pending);
    }
}
