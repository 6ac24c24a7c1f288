using SalesCrm.Core.Workflows;
using P = SalesCrm.Core.Workflows.WorkflowProblemCodes;

namespace SalesCrm.Core.Tests.Workflows;

/// <summary>Definition checks that use the expression language: templates, trigger filters, cron, question options.</summary>
public class SettingsExpressionChecksTests
{
    private static IReadOnlyList<WorkflowProblem> One(string type, object settings) =>
        new GraphBuilder().Trigger().Node("n", type, settings).End().Edge("t", "n").Edge("n", "end", type == "ask_whatsapp" ? "answered" : "next").Problems();

    [Theory]
    [InlineData("send_whatsapp", "text")]
    [InlineData("add_note", "text")]
    [InlineData("send_email", "body")]
    public void A_template_with_an_unknown_root_or_filter_is_a_problem_naming_the_node_and_setting(string type, string setting)
    {
        var settings = new Dictionary<string, object> { [setting] = "Oi {{lead.name | shout}} {{secrets.key}}" };
        if (type == "send_email") settings["subject"] = "Olá";
        var problems = One(type, settings).Where(p => p.Code == P.InvalidSetting).ToList();
        Assert.All(problems, p => Assert.Equal("n", p.NodeId));
        Assert.Contains(problems, p => p.Message.Contains($"'{setting}'") && p.Message.Contains("shout"));
        Assert.Contains(problems, p => p.Message.Contains("secrets.key"));
    }

    [Fact]
    public void Templates_nested_in_an_http_body_and_headers_are_checked_with_their_path()
    {
        var problems = One("http_request", new { method = "POST", url = "https://erp.example/{{lead.id}}", headers = new { X_Token = "{{run.input.token" }, body = new { items = new[] { new { name = "{{nodes.a.output.x | nope}}" } } } });
        Assert.Contains(problems, p => p.NodeId == "n" && p.Message.Contains("'body.items[0].name'") && p.Message.Contains("nope"));
        Assert.DoesNotContain(problems, p => p.Message.Contains("'url'"));
    }

    [Fact]
    public void Well_formed_templates_pass()
    {
        Assert.Empty(One("send_email", new { to = "{{run.input.email}}", subject = "Olá {{lead.name | first_name}}", body = "Conta {{lead.custom.energy_bill | money}}" }));
    }

    [Theory]
    [InlineData("payload.form.city=ilike.*paulo*", true)]
    [InlineData("source=eq.meta_ads&or=(value.gte.1000,priority.eq.high)", true)]
    [InlineData("source=zz.meta", false)]
    [InlineData("lead..name=eq.x", false)]
    public void Trigger_filters_are_parsed_with_the_workflow_filter_expression(string filter, bool valid)
    {
        var problems = new GraphBuilder().Trigger("t", new { kind = "event", event_type = "lead.created", filter }).End().Edge("t", "end").Problems();
        if (valid) Assert.Empty(problems);
        else Assert.Contains(problems, p => p is { NodeId: "t", Code: P.InvalidSetting } && p.Message.Contains("filter"));
    }

    [Fact]
    public void Question_options_that_are_the_same_answer_are_a_problem()
    {
        var problems = One("ask_whatsapp", new { question = "Quando?", answer_type = "option", options = new[] { "Até 30 dias", "ate 30 dias!", "Depois" } });
        Assert.True(problems.Count(p => p.Code == P.InvalidSetting && p.NodeId == "n" && p.Message.Contains("'options'")) == 1, string.Join(" / ", problems.Select(p => $"{p.Code}: {p.Message}")));
    }

    [Fact]
    public void Distinct_question_options_pass()
    {
        Assert.Empty(One("ask_whatsapp", new { question = "Quando?", answer_type = "option", options = new[] { "1", "2-3", "4+" } }));
        Assert.Empty(One("ask_whatsapp", new { question = "Conta?", answer_type = "option", options = new[] { "Até R$ 300", "Acima de R$ 300" } }));
    }
}
