using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>An instance killed with SIGKILL mid-burst: its leases lapse and the survivor finishes its work, still once (ADR 047).</summary>
public sealed class KillOneInstanceTests
{
    private const int Burst = 300;

    [Fact]
    public async Task A_killed_instance_leases_are_taken_over_by_the_survivor_and_every_webhook_still_becomes_exactly_one_lead()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        await using var graph = new GraphStub();
        // The child's Graph answers slowly, so it is killed while it holds claimed items it has not finished.
        await using var slowGraph = new GraphStub { LookupDelay = TimeSpan.FromMilliseconds(400) };
        await using var survivor = new AppInstance(database.ConnectionString, settings: MetaBurst.Settings(graph, "survivor", leaseSeconds: 3));
        var owner = await survivor.RegisterAsync();
        var pageId = MetaBurst.NewPageId();
        await MetaBurst.ConnectPageAsync(owner, pageId);
        var leadgens = Enumerable.Range(0, Burst).Select(i => $"{pageId}{i:D4}").ToList();
        foreach (var id in leadgens) graph.Leads[id] = slowGraph.Leads[id] = new() { ["full_name"] = $"Lead {id}" };

        await using var child = new ChildInstance(
        [
            new("Database:Provider", "Postgres"), new("ConnectionStrings:Crm", database.ConnectionString), .. MetaBurst.Settings(slowGraph, "child", leaseSeconds: 3),
        ]);
        await child.WaitLiveAsync(TimeSpan.FromSeconds(60));
        using var childClient = child.CreateClient();
        var survivorClient = survivor.CreateClient();

        var childClaimed = new List<Guid>();
        var killed = false;
        var sent = 0;
        var killer = Task.Run(async () =>
        {
            // Kill once the burst is under way and the child holds claims on items it has not finished.
            while (true)
            {
                await using var scoped = await MetaBurst.DbAsync(survivor);
                var held = await scoped.Db.Inbox.Where(i => i.ClaimedBy == "child" && i.Status == InboxStatus.Pending).Select(i => i.Id).ToListAsync();
                if (held.Count >= 3 && Volatile.Read(ref sent) >= Burst / 3)
                {
                    child.Kill();
                    Volatile.Write(ref killed, true);
                    childClaimed.AddRange(held);
                    return;
                }
                await Task.Delay(50);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, Burst), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            HttpResponseMessage? response = null;
            if (i % 2 == 0 && !Volatile.Read(ref killed))
            {
                try { response = await MetaBurst.PostAsync(childClient, pageId, leadgens[i]); }
                catch (HttpRequestException) { } // killed mid-request: not acknowledged, so Meta sends it again (here: to the survivor)
                catch (TaskCanceledException) { }
            }
            if (response is not { StatusCode: HttpStatusCode.OK }) response = await MetaBurst.PostAsync(survivorClient, pageId, leadgens[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Interlocked.Increment(ref sent);
        });
        await killer.WaitAsync(TimeSpan.FromSeconds(60));

        await MetaBurst.WaitProcessedAsync(survivor, Burst, TimeSpan.FromSeconds(80));
        var names = await MetaBurst.LeadNamesAsync(survivor, owner.TenantId);
        Assert.Equal(leadgens.Select(id => $"Lead {id}").Order(), names.Order());
        await using var check = await MetaBurst.DbAsync(survivor);
        var taken = await check.Db.Inbox.Where(i => childClaimed.Contains(i.Id)).ToListAsync();
        Assert.Equal(childClaimed.Count, taken.Count);
        Assert.All(taken, i => Assert.Equal((InboxStatus.Processed, (string?)null), (i.Status, i.ClaimedBy)));
    }
}
