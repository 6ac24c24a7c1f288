using SalesCrm.Core.Workflows;
using P = SalesCrm.Core.Workflows.WorkflowProblemCodes;

namespace SalesCrm.Core.Tests.Workflows;

public class WorkflowGraphValidatorTests
{
    private static WorkflowProblem Single(IReadOnlyList<WorkflowProblem> problems, string code) =>
        Assert.Single(problems, p => p.Code == code);

    [Fact]
    public void A_meta_lead_graph_with_a_condition_and_a_wait_has_no_problems()
    {
        var problems = new GraphBuilder()
            .Trigger("t", new { kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads&or=(value.gte.1000,priority.eq.high)" })
            .Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 })
            .Node("prio", "set_field", new { field = "lead.priority", value = "high" })
            .Node("wait", "wait_for_event", new { event_type = "whatsapp.received", same_lead = true, timeout = "P2D" })
            .Node("nudge", "send_whatsapp", new { text = "Oi {{lead.name}}, tudo bem?" })
            .End()
            .Edge("t", "big").Edge("big", "prio", "true").Edge("big", "end", "false").Edge("prio", "wait")
            .Edge("wait", "end", "received").Edge("wait", "nudge", "timeout").Edge("nudge", "end")
            .Problems();
        Assert.Empty(problems);
    }

    [Fact]
    public void An_unknown_node_type_is_named_on_its_node()
    {
        var problem = Single(new GraphBuilder().Trigger().Node("x", "send_telegram").Edge("t", "x").Problems(), P.UnknownNodeType);
        Assert.Equal("x", problem.NodeId);
        Assert.Contains("send_telegram", problem.Message);
    }

    [Fact]
    public void A_missing_required_setting_names_the_node_and_the_setting()
    {
        var problem = Single(new GraphBuilder().Trigger().Node("tag", "add_tag", new { }).Edge("t", "tag").Problems(), P.MissingSetting);
        Assert.Equal("tag", problem.NodeId);
        Assert.Equal("setting 'tag' is required.", problem.Message);
    }

    [Fact]
    public void A_blank_text_setting_is_missing_and_a_too_long_one_says_its_limit()
    {
        var problems = new GraphBuilder().Trigger().Node("tag", "add_tag", new { tag = "", label = new string('x', 101) }).Edge("t", "tag").Problems();
        Assert.Contains(problems, p => p.Code == P.MissingSetting && p.Message == "setting 'tag' is required.");
        Assert.Contains(problems, p => p.Code == P.InvalidSetting && p.Message == "setting 'label' must be at most 100 characters.");
    }

    [Fact]
    public void A_setting_outside_its_schema_is_invalid()
    {
        var problems = new GraphBuilder().Trigger()
            .Node("c", "condition", new { field = "lead.value", @operator = "bigger", value = 1 })
            .Node("s", "set_field", new { field = "owner", value = 1 })
            .Node("h", "http_request", new { method = "GET", url = "https://x.example", timeout_seconds = 300, retries = 2 })
            .Edge("t", "c").Edge("c", "s", "true").Edge("s", "h").Problems();
        Assert.Contains(problems, p => p is { NodeId: "c", Code: P.InvalidSetting } && p.Message.Contains("operator"));
        Assert.Contains(problems, p => p is { NodeId: "s", Code: P.InvalidSetting } && p.Message.Contains("field"));
        Assert.Contains(problems, p => p is { NodeId: "h", Code: P.InvalidSetting } && p.Message.Contains("timeout_seconds"));
        Assert.Contains(problems, p => p is { NodeId: "h", Code: P.InvalidSetting } && p.Message.Contains("retries"));
    }

    [Fact]
    public void Schema_problems_name_the_setting_by_its_path()
    {
        var problems = new GraphBuilder().Trigger()
            .Node("s", "switch", new { field = "lead.source", cases = new object[] { new { port = "Meta!", value = "meta_ads" }, new { value = "site" } } })
            .Node("m", "move_stage", new { stage_id = "qualificado", retries = 1 })
            .Edge("t", "s").Edge("s", "m", "default").Problems().Select(p => $"{p.NodeId} {p.Code} {p.Message}").ToList();
        Assert.Contains(problems, p => p.StartsWith("s invalid_setting setting 'cases[0].port'", StringComparison.Ordinal));
        Assert.Contains("s missing_setting setting 'cases[1].port' is required.", problems);
        Assert.Contains("m invalid_setting setting 'stage_id' must be a UUID.", problems);
        Assert.Contains("m invalid_setting setting 'retries' is not a setting of a 'move_stage' node.", problems);
        Assert.Contains("m invalid_setting setting 'stage_id' must be a UUID.", problems);
    }

    [Fact]
    public void Edges_to_or_from_a_missing_node_are_dangling()
    {
        var problems = new GraphBuilder().Trigger().End().Edge("t", "end").Edge("end2", "end").Edge("t", "ghost").Problems();
        Assert.Equal(2, problems.Count(p => p.Code == P.DanglingEdge));
        Assert.Contains(problems, p => p is { Code: P.DanglingEdge, NodeId: "t" } && p.Message.Contains("'ghost'"));
        Assert.Contains(problems, p => p is { Code: P.DanglingEdge, NodeId: "end" } && p.Message.Contains("'end2'"));
    }

    [Fact]
    public void An_edge_from_a_port_the_type_does_not_declare_is_refused()
    {
        var problems = new GraphBuilder().Trigger()
            .Node("c", "condition", new { field = "lead.value", @operator = "gt", value = 0 }).End().Node("after", "add_note", new { text = "x" })
            .Edge("t", "c").Edge("c", "end", "true").Edge("c", "end", "next").Edge("end", "after").Problems();
        Assert.Contains(problems, p => p is { Code: P.UnknownPort, NodeId: "c" } && p.Message.Contains("true, false"));
        Assert.Contains(problems, p => p is { Code: P.UnknownPort, NodeId: "end" } && p.Message.Contains("no output ports"));
    }

    [Fact]
    public void A_node_no_trigger_leads_to_is_unreachable()
    {
        var problem = Single(new GraphBuilder().Trigger().End().Node("island", "add_tag", new { tag = "x" }).Edge("t", "end").Problems(), P.UnreachableNode);
        Assert.Equal("island", problem.NodeId);
    }

    [Fact]
    public void A_graph_needs_at_least_one_trigger_and_may_have_several()
    {
        var none = new GraphBuilder().Node("tag", "add_tag", new { tag = "x" }).Problems();
        Assert.Null(Single(none, P.NoTrigger).NodeId);
        var two = new GraphBuilder().Trigger("t1").Trigger("t2", new { kind = "inbound_message", keywords = new[] { "orçamento" } }).End()
            .Edge("t1", "end").Edge("t2", "end").Problems();
        Assert.Empty(two);
    }

    [Fact]
    public void An_edge_into_a_trigger_is_refused()
    {
        var problem = Single(new GraphBuilder().Trigger().Trigger("t2").End().Edge("t", "t2").Edge("t2", "end").Problems(), P.TriggerHasInput);
        Assert.Equal("t2", problem.NodeId);
    }

    [Fact]
    public void A_loop_without_a_delay_or_wait_is_refused_and_one_through_a_delay_is_not()
    {
        var spinning = new GraphBuilder().Trigger()
            .Node("a", "add_tag", new { tag = "x" }).Node("b", "add_note", new { text = "y" })
            .Edge("t", "a").Edge("a", "b").Edge("b", "a").Problems();
        var problem = Single(spinning, P.CycleWithoutWait);
        Assert.Equal("a", problem.NodeId);
        Assert.Contains("'a' → 'b'", problem.Message);

        var paced = new GraphBuilder().Trigger()
            .Node("a", "add_tag", new { tag = "x" }).Node("d", "delay", new { duration = "PT1H" })
            .Edge("t", "a").Edge("a", "d").Edge("d", "a").Problems();
        Assert.Empty(paced);

        var self = new GraphBuilder().Trigger().Node("a", "add_tag", new { tag = "x" }).Edge("t", "a").Edge("a", "a").Problems();
        Assert.Equal("a", Single(self, P.CycleWithoutWait).NodeId);
    }

    [Fact]
    public void A_loop_that_can_go_round_avoiding_its_wait_is_still_refused()
    {
        // c → w → a → c pauses at w, but c → a → c does not.
        var problems = new GraphBuilder().Trigger()
            .Node("c", "condition", new { field = "lead.value", @operator = "gt", value = 0 })
            .Node("w", "ask_whatsapp", new { question = "Qual sua cidade?", answer_type = "text" })
            .Node("a", "add_tag", new { tag = "x" })
            .Edge("t", "c").Edge("c", "w", "true").Edge("c", "a", "false").Edge("w", "a", "answered").Edge("a", "c").Problems();
        Assert.Contains("'c' → 'a'", Single(problems, P.CycleWithoutWait).Message);
    }

    [Fact]
    public void A_trigger_or_a_condition_whose_required_port_is_unlinked_is_reported()
    {
        var problems = new GraphBuilder().Trigger()
            .Trigger("t2").Node("c", "condition", new { field = "lead.value", @operator = "gt", value = 0 }).End()
            .Edge("t2", "c").Edge("c", "end", "false").Problems();
        Assert.Contains(problems, p => p is { Code: P.UnconnectedPort, NodeId: "t" } && p.Message.Contains("'next'"));
        Assert.Contains(problems, p => p is { Code: P.UnconnectedPort, NodeId: "c" } && p.Message.Contains("'true'"));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void One_port_leads_to_one_node()
    {
        var problem = Single(new GraphBuilder().Trigger().End("e1").End("e2").Edge("t", "e1").Edge("t", "e2").Problems(), P.PortHasManyTargets);
        Assert.Equal("t", problem.NodeId);
    }

    [Fact]
    public void A_switch_has_a_port_per_case_and_default()
    {
        var graph = new GraphBuilder().Trigger()
            .Node("s", "switch", new { field = "lead.source", cases = new object[] { new { port = "meta", value = "meta_ads" }, new { port = "site", value = "website" } } })
            .End("e1").End("e2").End("e3")
            .Edge("t", "s").Edge("s", "e1", "meta").Edge("s", "e2", "site").Edge("s", "e3", "default");
        Assert.Empty(graph.Problems());
        Assert.Contains(graph.End("e4").Edge("s", "e4", "other").Problems(), p => p is { Code: P.UnknownPort, NodeId: "s" });
    }

    [Theory]
    [InlineData("lead.exploded", null, P.InvalidSetting, "'lead.exploded'")]
    [InlineData(null, null, P.MissingSetting, "'event_type'")]
    [InlineData("lead.created", "source=zz.meta", P.InvalidSetting, "filter")]
    [InlineData("lead.created", "source", P.InvalidSetting, "filter")]
    public void An_event_trigger_needs_a_known_event_type_and_a_filter_in_the_grammar(string? eventType, string? filter, string code, string text)
    {
        var problem = Single(new GraphBuilder().Trigger("t", new { kind = "event", event_type = eventType, filter }).End().Edge("t", "end").Problems(), code);
        Assert.Equal("t", problem.NodeId);
        Assert.Contains(text, problem.Message);
    }

    [Fact]
    public void A_custom_event_type_may_trigger()
    {
        Assert.Empty(new GraphBuilder().Trigger("t", new { kind = "event", event_type = "custom.erp.invoice_paid" }).End().Edge("t", "end").Problems());
    }

    [Theory]
    [InlineData("0 0 9 ? * MON-FRI", true)]
    [InlineData("0 */15 * * * ?", true)]
    [InlineData("0 9 * * MON-FRI", false)]
    [InlineData("every monday", false)]
    public void A_schedule_trigger_takes_a_quartz_cron(string cron, bool valid)
    {
        var problems = new GraphBuilder().Trigger("t", new { kind = "schedule", cron }).End().Edge("t", "end").Problems();
        if (valid) Assert.Empty(problems);
        else Assert.Contains("Quartz cron", Single(problems, P.InvalidSetting).Message);
    }

    [Fact]
    public void A_schedule_trigger_without_cron_misses_it()
    {
        Assert.Contains("'cron'", Single(new GraphBuilder().Trigger("t", new { kind = "schedule" }).End().Edge("t", "end").Problems(), P.MissingSetting).Message);
    }

    [Theory]
    [InlineData("PT48H", null, null)]
    [InlineData(null, "2026-12-24T09:00:00Z", null)]
    [InlineData(null, null, P.MissingSetting)]
    [InlineData("PT1H", "2026-12-24T09:00:00Z", P.MissingSetting)]
    [InlineData("48 hours", null, P.InvalidSetting)]
    [InlineData("PT0S", null, P.InvalidSetting)]
    public void A_delay_takes_a_positive_iso_duration_or_a_time(string? duration, string? until, string? code)
    {
        var problems = new GraphBuilder().Trigger().Node("d", "delay", new { duration, until }).End().Edge("t", "d").Edge("d", "end").Problems();
        if (code is null) Assert.Empty(problems);
        else Assert.Equal("d", Single(problems, code).NodeId);
    }

    [Fact]
    public void Settings_that_depend_on_another_are_required_with_it()
    {
        var problems = new GraphBuilder().Trigger()
            .Node("q", "ask_whatsapp", new { question = "Quando pretende instalar?", answer_type = "option" })
            .Node("w", "send_whatsapp", new { })
            .Node("a", "assign", new { mode = "user" })
            .Node("c", "condition", new { field = "lead.source", @operator = "in", value = "meta_ads" })
            .Edge("t", "q").Edge("q", "w", "answered").Edge("w", "a").Edge("a", "c").Problems();
        Assert.Contains(problems, p => p is { NodeId: "q", Code: P.MissingSetting } && p.Message.Contains("'options'"));
        Assert.Contains(problems, p => p is { NodeId: "w", Code: P.MissingSetting } && p.Message.Contains("'text'"));
        Assert.Contains(problems, p => p is { NodeId: "a", Code: P.MissingSetting } && p.Message.Contains("'user_id'"));
        Assert.Contains(problems, p => p is { NodeId: "c", Code: P.InvalidSetting } && p.Message.Contains("list"));
    }
}
