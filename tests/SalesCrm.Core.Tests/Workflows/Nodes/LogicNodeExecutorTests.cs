using System.Text.Json.Nodes;
using SalesCrm.Core.Tests.Workflows.Expressions;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Tests.Workflows.Nodes;

public sealed class LogicNodeExecutorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1500, "true")]
    [InlineData(999, "false")]
    public async Task A_condition_takes_the_port_of_its_result(int value, string port)
    {
        var context = NodeContexts.For("condition", new { field = "lead.value", @operator = "gte", value = 1000 }, new JsonObject { ["lead"] = new JsonObject { ["value"] = value } });
        var outcome = await new ConditionNodeExecutor().ExecuteAsync(context, default);
        Assert.Equal(port, outcome.Port);
    }

    [Fact]
    public async Task A_switch_takes_the_matching_case_or_default()
    {
        var settings = new { field = "lead.custom.temp", cases = new[] { new { port = "hot", value = "quente" }, new { port = "cold", value = "frio" } } };
        var hot = await new SwitchNodeExecutor().ExecuteAsync(NodeContexts.For("switch", settings, new JsonObject { ["lead"] = new JsonObject { ["custom"] = new JsonObject { ["temp"] = "quente" } } }), default);
        var none = await new SwitchNodeExecutor().ExecuteAsync(NodeContexts.For("switch", settings), default);
        Assert.Equal(("hot", "default"), (hot.Port, none.Port));
    }

    [Fact]
    public async Task A_delay_waits_for_its_duration_and_continues_when_resumed()
    {
        var clock = new FixedClock(Now);
        var delay = new DelayNodeExecutor(clock);
        var waiting = await delay.ExecuteAsync(NodeContexts.For("delay", new { duration = "PT48H" }), default);
        Assert.Equal(Now.UtcDateTime.AddHours(48), waiting.Wait!.Until);
        Assert.Null(waiting.Wait.EventType);
        var resumed = await delay.ExecuteAsync(NodeContexts.For("delay", new { duration = "PT48H" }, resume: new WorkflowResume(true, null, null, null, null)), default);
        Assert.Equal("next", resumed.Port);
        var malformed = await delay.ExecuteAsync(NodeContexts.For("delay", new { duration = "48 hours" }), default);
        Assert.NotNull(malformed.Error);
        Assert.False(malformed.Retryable);
    }

    [Fact]
    public async Task A_delay_until_a_local_time_is_read_in_the_workspace_zone_and_a_past_time_does_not_wait()
    {
        var delay = new DelayNodeExecutor(new FixedClock(Now));
        var waiting = await delay.ExecuteAsync(NodeContexts.For("delay", new { until = "2026-12-05T09:00:00" }), default);
        Assert.Equal(new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc), waiting.Wait!.Until);
        var past = await delay.ExecuteAsync(NodeContexts.For("delay", new { until = "2026-12-01T09:00:00Z" }), default);
        Assert.Equal("next", past.Port);
    }

    [Fact]
    public async Task Wait_for_event_sets_a_bookmark_on_the_same_lead_and_resumes_on_received_or_timeout()
    {
        var lead = Guid.NewGuid();
        var wait = new WaitForEventNodeExecutor(new FixedClock(Now));
        var settings = new { event_type = "whatsapp.received", timeout = "P2D" };
        var bookmark = (await wait.ExecuteAsync(NodeContexts.For("wait_for_event", settings, leadId: lead), default)).Wait!;
        Assert.Equal(("whatsapp.received", lead, Now.UtcDateTime.AddDays(2)), (bookmark.EventType, bookmark.LeadId, bookmark.Until));

        var received = await wait.ExecuteAsync(NodeContexts.For("wait_for_event", settings, resume: new WorkflowResume(false, "whatsapp.received", Guid.NewGuid(), new JsonObject { ["text"] = "oi" }, null)), default);
        Assert.Equal("received", received.Port);
        Assert.Equal("oi", (string?)received.Output!["payload"]!["text"]);
        var timedOut = await wait.ExecuteAsync(NodeContexts.For("wait_for_event", settings, resume: new WorkflowResume(true, null, null, null, null)), default);
        Assert.Equal("timeout", timedOut.Port);

        var anyLead = (await wait.ExecuteAsync(NodeContexts.For("wait_for_event", new { event_type = "deal.won", same_lead = false, timeout = "PT1H" }), default)).Wait!;
        Assert.Null(anyLead.LeadId);
    }

    [Fact]
    public async Task End_ends_the_run()
    {
        Assert.True((await new EndNodeExecutor().ExecuteAsync(NodeContexts.For("end", new { }), default)).Ends);
    }
}
