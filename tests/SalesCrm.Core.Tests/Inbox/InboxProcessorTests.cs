using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Webhooks;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Tests.Inbox;

public class InboxProcessorTests
{
    /// <summary>A Meta request with no changes: processed at once, touching nothing (no tenant, Graph API or secrets needed).</summary>
    private const string EmptyMetaBody = """{"object":"page","entry":[]}""";

    /// <summary>A processor that never pauses for a burst. Items that need the Graph API, secrets or actors are not used here.</summary>
    private static InboxProcessor Processor(TestDb db, TimeProvider time, int[]? retryDelays = null)
    {
        var options = Options.Create(new InboxOptions { BurstRequestsPerSecond = 0, RetryDelaysSeconds = retryDelays });
        return new InboxProcessor(db.FactoryFor(FixedCurrentUser.System), null!, null!, null!, new InboxIntake(options, time), options, new WebhookActivity(), time);
    }

    /// <summary>A wall clock that only moves when told to.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task An_item_that_keeps_failing_is_retried_on_the_schedule_and_then_failed_with_its_error()
    {
        await using var db = await TestDb.CreateAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        // A leadgen change for a page no workspace has connected: every attempt fails the same way.
        var item = new InboxItem
        {
            Provider = InboxProvider.MetaLeads, ReceivedAt = clock.Now.UtcDateTime, NextAttemptAt = clock.Now.UtcDateTime,
            Body = """{"object":"page","entry":[{"id":"4242","changes":[{"field":"leadgen","value":{"leadgen_id":"77","page_id":"4242"}}]}]}""",
        };
        await using (var context = db.As(FixedCurrentUser.System))
        {
            context.Inbox.Add(item);
            await context.SaveChangesAsync();
        }
        var processor = Processor(db, clock, retryDelays: [3, 7, 20]);
        async Task<InboxItem> Stored()
        {
            await using var context = db.As(FixedCurrentUser.System);
            return await context.Inbox.AsNoTracking().SingleAsync(i => i.Id == item.Id);
        }

        var waited = new List<double>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await processor.ProcessDueAsync());
            var stored = await Stored();
            Assert.Equal((InboxStatus.Pending, attempt), (stored.Status, stored.Attempts));
            Assert.Contains("Page 4242 is not connected", stored.LastError);
            waited.Add((stored.NextAttemptAt - clock.Now.UtcDateTime).TotalSeconds);
            clock.Now = clock.Now.AddSeconds(waited[^1] - 1);
            Assert.Equal(0, await processor.ProcessDueAsync()); // not due yet
            clock.Now = clock.Now.AddSeconds(1);
        }
        Assert.Equal([3, 7, 20], waited);

        Assert.Equal(1, await processor.ProcessDueAsync());
        var failed = await Stored();
        Assert.Equal((InboxStatus.Failed, 4), (failed.Status, failed.Attempts));
        Assert.Contains("Page 4242 is not connected", failed.LastError);
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(0, await processor.ProcessDueAsync()); // failed items wait for a person to retry them
    }

    [Fact]
    public async Task Items_are_taken_in_the_order_they_became_due_and_arrival_order_breaks_ties()
    {
        await using var db = await TestDb.CreateAsync();
        var now = DateTime.UtcNow;
        var names = new Dictionary<Guid, string>();
        InboxItem Item(string name, int receivedSecondsAgo, int dueSecondsAgo)
        {
            var item = new InboxItem
            {
                Provider = InboxProvider.MetaLeads, Body = EmptyMetaBody,
                ReceivedAt = now.AddSeconds(-receivedSecondsAgo), NextAttemptAt = now.AddSeconds(-dueSecondsAgo),
            };
            names[item.Id] = name;
            return item;
        }
        var items = new[]
        {
            Item("retry due 5 s ago", 600, 5),   // arrived first, but failed and was put back: it waits its turn
            Item("new 30 s ago", 30, 30),
            Item("new 20 s ago", 20, 20),
            Item("retried by hand 20 s ago", 900, 20), // due at the same moment as the one above, arrived earlier
            Item("retry not yet due", 1200, -60),
        };
        await using (var context = db.As(FixedCurrentUser.System))
        {
            context.Inbox.AddRange(items);
            await context.SaveChangesAsync();
        }
        var processor = Processor(db, TimeProvider.System);

        var order = new List<Guid>();
        while (await processor.ProcessDueAsync(max: 1) == 1)
        {
            await using var context = db.As(FixedCurrentUser.System);
            order.Add(context.Inbox.Where(i => i.Status == InboxStatus.Processed).Select(i => i.Id).AsEnumerable().Except(order).Single());
        }

        Assert.Equal(["new 30 s ago", "retried by hand 20 s ago", "new 20 s ago", "retry due 5 s ago"], order.Select(id => names[id]));
        await using var check = db.As(FixedCurrentUser.System);
        Assert.Equal(InboxStatus.Pending, check.Inbox.Single(i => i.NextAttemptAt > now).Status);
    }

    [Fact]
    public async Task The_next_due_items_come_from_the_index_without_sorting_the_backlog()
    {
        await using var db = await TestDb.CreateAsync();
        await using var context = db.As(FixedCurrentUser.System);
        var sql = InboxProcessor.Due(context, DateTime.UtcNow, 20).ToQueryString();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters first (".param set …"-style lines); EXPLAIN takes the SELECT with them bound.
        command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        foreach (var line in sql.Split('\n').TakeWhile(l => !l.StartsWith("SELECT", StringComparison.Ordinal)).Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim('\'');
            command.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, p => p.Contains("USING INDEX IX_webhook_inbox_Status_NextAttemptAt", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)); // only "… FOR RIGHT PART OF ORDER BY" (ties)
    }
}
