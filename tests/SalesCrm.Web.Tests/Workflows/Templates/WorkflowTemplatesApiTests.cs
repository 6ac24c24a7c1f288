using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary><c>GET /api/v1/workflow-templates</c> and <c>POST /api/v1/workflows/from-template</c>.</summary>
public sealed class WorkflowTemplatesApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_catalog_lists_five_pt_BR_templates_with_their_tags_and_node_counts()
    {
        var owner = await app.RegisterAsync();
        var list = await owner.GetJsonAsync("/api/v1/workflow-templates");
        var items = list["items"]!.AsArray();
        Assert.Equal(["Boas-vindas lead Meta", "Lembrete sem resposta", "Qualificação WhatsApp", "Negócio ganho → ERP", "Resumo semanal do funil"],
            items.Select(i => (string?)i!["name"]));
        var qualification = items.Single(i => (string?)i!["id"] == "whatsapp-qualification")!;
        Assert.Equal(11, (int)qualification["node_count"]!);
        Assert.Contains("whatsapp", qualification["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("erp_url", (string?)items.Single(i => (string?)i!["id"] == "deal-won-erp")!["parameters"]![0]!["key"]);
    }

    [Fact]
    public async Task Creating_from_a_template_makes_a_named_draft_with_the_templates_graph_and_the_workspaces_stage()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var draft = await owner.FromTemplateAsync("whatsapp-qualification", name: "Bot da loja");

        Assert.Equal(("Bot da loja", false, 0), ((string?)draft["name"], (bool)draft["active"]!, (int)draft["version"]!));
        var nodes = draft["graph"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count(n => (string?)n!["type"] == "ask_whatsapp"));
        Assert.Equal(stages["Qualificado"], (string?)nodes.Single(n => (string?)n!["id"] == "qualificado")!["settings"]!["stage_id"]);
        Assert.Empty(draft["problems"]!.AsArray());
        // Positions are spread out so the canvas shows no node over another.
        var positions = nodes.Select(n => ((double)n!["position"]!["x"]!, (double)n["position"]!["y"]!)).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
        await (await owner.Client.GetAsync($"/api/v1/workflows/{draft["id"]}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_template_is_a_404_problem_and_a_sales_rep_may_not_use_templates()
    {
        var owner = await app.RegisterAsync();
        var missing = await owner.Client.PostAsJsonAsync("/api/v1/workflows/from-template", new { template_id = "nao-existe" });
        var problem = await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nao-existe", (string?)problem["title"]);

        var rep = await owner.AddMemberAsync("sales_rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Client.GetAsync("/api/v1/workflow-templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Client.PostAsJsonAsync("/api/v1/workflows/from-template", new { template_id = "meta-lead-welcome" })).StatusCode);
    }
}
