using System.Text.Json;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Templates;

namespace SalesCrm.Core.Tests.Workflows.Templates;

public class WorkflowTemplateGraphTests
{
    private static readonly Guid Qualified = Guid.NewGuid(), Welcome = Guid.NewGuid(), Nudge = Guid.NewGuid(), Thanks = Guid.NewGuid();

    private static WorkflowTemplateContext Workspace(bool withStage = true, string? erpUrl = "https://erp.example.com/pedidos") => new(
        withStage ? new Dictionary<string, Guid> { [WorkflowTemplateNames.Fold("Qualificado")] = Qualified } : [],
        new Dictionary<string, Guid> { ["boas_vindas_lead"] = Welcome, ["retomar_contato"] = Nudge, ["agradecimento_compra"] = Thanks },
        erpUrl is null ? [] : new Dictionary<string, string> { ["erp_url"] = erpUrl });

    private static string? Setting(WorkflowGraph graph, string node, string name) =>
        graph.Nodes!.Single(n => n.Id == node).Settings!.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public void Every_template_built_for_a_workspace_with_its_stage_templates_and_url_has_no_graph_problems()
    {
        foreach (var template in WorkflowTemplates.All)
        {
            var problems = WorkflowGraphValidator.Validate(template.Build(Workspace()));
            Assert.True(problems.Count == 0, $"{template.Id}: {string.Join("; ", problems.Select(p => $"{p.NodeId} {p.Message}"))}");
        }
    }

    [Fact]
    public void The_workspaces_records_are_put_where_the_nodes_name_them()
    {
        Assert.Equal(Qualified.ToString(), Setting(WorkflowTemplates.Find("whatsapp-qualification")!.Build(Workspace()), "qualificado", "stage_id"));
        Assert.Equal(Welcome.ToString(), Setting(WorkflowTemplates.Find("meta-lead-welcome")!.Build(Workspace()), "boas_vindas", "template_id"));
        Assert.Equal(Nudge.ToString(), Setting(WorkflowTemplates.Find("no-reply-reminder")!.Build(Workspace()), "retomar", "template_id"));
        var erp = WorkflowTemplates.Find("deal-won-erp")!.Build(Workspace());
        Assert.Equal((Thanks.ToString(), "https://erp.example.com/pedidos"), (Setting(erp, "obrigado", "template_id"), Setting(erp, "erp", "url")));
    }

    [Fact]
    public void Without_the_stage_or_the_url_the_problem_names_the_node_that_needs_it()
    {
        var noStage = WorkflowGraphValidator.Validate(WorkflowTemplates.Find("whatsapp-qualification")!.Build(Workspace(withStage: false)));
        Assert.Equal(["qualificado"], noStage.Select(p => p.NodeId));
        var noUrl = WorkflowGraphValidator.Validate(WorkflowTemplates.Find("deal-won-erp")!.Build(Workspace(erpUrl: null)));
        Assert.Equal(["erp"], noUrl.Select(p => p.NodeId));
    }

    [Fact]
    public void Stage_names_match_ignoring_case_accents_and_spaces()
    {
        Assert.Equal(WorkflowTemplateNames.Fold("Qualificado"), WorkflowTemplateNames.Fold(" QUALIFICADO "));
        Assert.Equal(WorkflowTemplateNames.Fold("Negociação"), WorkflowTemplateNames.Fold("negociacao"));
    }

    [Fact]
    public void No_two_nodes_of_a_template_overlap_on_the_canvas()
    {
        foreach (var template in WorkflowTemplates.All)
        {
            var positions = template.Build(Workspace()).Nodes!.Select(n => (n.Id, n.Position!)).ToList();
            foreach (var (a, pa) in positions)
            foreach (var (b, pb) in positions.Where(p => p.Id != a))
                Assert.True(Math.Abs(pa.X - pb.X) >= 300 || Math.Abs(pa.Y - pb.Y) >= 150, $"{template.Id}: {a} and {b} overlap");
        }
    }

    [Fact]
    public void Every_template_is_at_most_four_columns_wide_so_the_designer_opens_it_readable()
    {
        // The designer's canvas is about 800 px wide on a 1400 px screen: four 320 px columns fit at about 0.6 zoom, six at 0.4.
        foreach (var template in WorkflowTemplates.All)
        {
            var xs = template.Build(Workspace()).Nodes!.Select(n => n.Position!.X).ToList();
            Assert.True(xs.Max() - xs.Min() <= 3 * 320, $"{template.Id} spans {xs.Max() - xs.Min()} px between its first and last columns");
        }
    }
}
