using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>Publishing refuses expressions that would fail at run time, naming the node (400 WORKFLOW_INVALID).</summary>
public sealed class ExpressionChecksApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Publishing_a_graph_with_a_bad_template_filter_cron_or_options_is_a_400_naming_each_node()
    {
        var owner = await app.RegisterAsync();
        var graph = new
        {
            nodes = new[]
            {
                WorkflowGraphs.Node("start", "trigger", new { kind = "event", event_type = "lead.created", filter = "source=zz.meta" }),
                WorkflowGraphs.Node("mail", "send_email", new { subject = "Olá {{lead.name | shout}}", body = "ok" }),
                WorkflowGraphs.Node("ask", "ask_whatsapp", new { question = "Quando?", answer_type = "option", options = new[] { "Já", "ja!" } }),
                WorkflowGraphs.Node("later", "trigger", new { kind = "schedule", cron = "every day" }),
                WorkflowGraphs.Node("end", "end", new { }),
            },
            edges = new[]
            {
                new { source = "start", source_port = "next", target = "mail" }, new { source = "later", source_port = "next", target = "mail" },
                new { source = "mail", source_port = "next", target = "ask" }, new { source = "ask", source_port = "answered", target = "end" },
            },
        };
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Checks", graph })).ExpectAsync(HttpStatusCode.Created);

        var refused = await (await owner.Client.PostAsync($"/api/v1/workflows/{created["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.BadRequest, "WORKFLOW_INVALID");

        var problems = refused["problems"]!.AsArray().Select(p => ((string)p!["node_id"]!, (string)p["code"]!, (string)p["message"]!)).ToList();
        Assert.Contains(problems, p => p is ("start", "invalid_setting", _) && p.Item3.Contains("filter"));
        Assert.Contains(problems, p => p is ("mail", "invalid_setting", _) && p.Item3.Contains("'subject'") && p.Item3.Contains("shout"));
        Assert.Contains(problems, p => p is ("ask", "invalid_setting", _) && p.Item3.Contains("'options'"));
        Assert.Contains(problems, p => p is ("later", "invalid_setting", _) && p.Item3.Contains("cron"));
    }
}
