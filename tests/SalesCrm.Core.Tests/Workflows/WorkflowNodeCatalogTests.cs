using SalesCrm.Core.Workflows;

namespace SalesCrm.Core.Tests.Workflows;

public class WorkflowNodeCatalogTests
{
    [Theory]
    [InlineData("trigger", "triggers", "next")]
    [InlineData("condition", "logic", "true,false")]
    [InlineData("switch", "logic", "default")]
    [InlineData("delay", "logic", "next")]
    [InlineData("wait_for_event", "logic", "received,timeout")]
    [InlineData("ask_whatsapp", "whatsapp", "answered,timeout,invalid")]
    [InlineData("ai_reply", "ai", "answered,handoff")]
    [InlineData("handoff", "whatsapp", "next")]
    [InlineData("move_stage", "crm", "next")]
    [InlineData("assign", "crm", "next")]
    [InlineData("set_field", "crm", "next")]
    [InlineData("add_tag", "crm", "next")]
    [InlineData("create_activity", "crm", "next")]
    [InlineData("add_note", "crm", "next")]
    [InlineData("send_whatsapp", "whatsapp", "next")]
    [InlineData("send_email", "integrations", "next")]
    [InlineData("http_request", "integrations", "next,failed")]
    [InlineData("emit_event", "integrations", "next")]
    [InlineData("recalculate_score", "crm", "next")]
    [InlineData("call_workflow", "logic", "next")]
    [InlineData("end", "logic", "")]
    public void Every_node_type_of_the_contract_has_its_group_ports_and_a_2020_12_schema(string type, string kind, string ports)
    {
        var found = WorkflowNodeCatalog.Find(type);
        Assert.NotNull(found);
        Assert.Equal(kind, found.Kind);
        Assert.Equal(ports, string.Join(",", found.Ports));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", found.Schema.GetProperty("$schema").GetString());
        Assert.Equal("object", found.Schema.GetProperty("type").GetString());
    }

    [Fact]
    public void Only_delay_wait_for_event_and_ask_whatsapp_pause_a_run()
    {
        Assert.Equal(["delay", "wait_for_event", "ask_whatsapp"], WorkflowNodeCatalog.List().Where(t => t.Waits).Select(t => t.Type));
    }
}
