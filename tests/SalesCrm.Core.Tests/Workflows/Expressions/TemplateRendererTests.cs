using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Tests.Workflows.Expressions;

public class TemplateRendererTests
{
    private static string Render(string template, WorkflowScope? scope = null) => TemplateRenderer.Render(template, scope ?? Scope.Lead()).Text;

    [Theory]
    [InlineData("Olá {{lead.name}}!", "Olá maria da silva!")]
    [InlineData("Olá {{ lead.name | first_name }}!", "Olá Maria!")]
    [InlineData("{{lead.name|capitalize}}", "Maria da Silva")]
    [InlineData("{{lead.name | upper}}", "MARIA DA SILVA")]
    [InlineData("{{lead.custom.city | lower}}", "são paulo")]
    [InlineData("{{lead.custom.city | upper}}", "SÃO PAULO")]
    [InlineData("Cidade: {{event.payload.form.city}}", "Cidade: Campinas")]
    [InlineData("{{event.payload.form.answers[0].a}}", "350")]
    [InlineData("{{run.input.campaign}} #{{run.input.x}}", "black-friday #42")]
    [InlineData("{{event.type}}", "lead.created")]
    [InlineData("{{lead.tags[0]}} e {{lead.tags[1]}}", "solar e vip")]
    [InlineData("{{lead.value}}", "1500,5")]
    public void Variables_are_replaced_by_scope_values(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void A_node_output_is_readable_by_node_id()
    {
        var scope = Scope.Lead().WithNodeOutput("ask_1", JsonNode.Parse("""{ "answer": "Campinas", "attempts": 2 }"""));
        Assert.Equal("Você respondeu Campinas (2)", Render("Você respondeu {{nodes.ask_1.output.answer}} ({{nodes.ask_1.output.attempts}})", scope));
    }

    [Fact]
    public void A_lead_dto_is_exposed_in_its_api_shape_with_custom_fields_as_custom()
    {
        var lead = new SalesCrm.Core.Leads.LeadDto(Guid.NewGuid(), "Ana Souza", "ana@example.com", "+5511999990000", null, null, null,
            SalesCrm.Core.Leads.LeadSource.MetaAds, ["meta_ads"], null, null, null, null, null, null, null,
            SalesCrm.Core.Leads.LeadPriority.High, 2500m, "BRL", null, 40, new Dictionary<string, int>(), ["solar"],
            System.Text.Json.JsonDocument.Parse("""{"energy_bill": 480}""").RootElement.Clone(),
            SalesCrm.Core.Leads.LeadStatus.Open, null, Guid.NewGuid(), Guid.NewGuid(), 1, DateTime.UtcNow, null, 0, 1,
            DateTime.UtcNow, DateTime.UtcNow, false, 0, null);
        var scope = new WorkflowScope().WithLead(lead);
        Assert.Equal("Ana Souza | meta_ads | high | 480 | R$ 2.500,00",
            Render("{{lead.name}} | {{lead.source}} | {{lead.priority}} | {{lead.custom.energy_bill}} | {{lead.value | money}}", scope));
    }

    [Theory]
    [InlineData("{{lead.custom.energy_bill | money}}", "R$ 1.234,56")]
    [InlineData("{{lead.value | money}}", "R$ 1.500,50")]
    [InlineData("{{run.input.x | money}}", "R$ 42,00")]
    [InlineData("{{run.input.x | money: \"USD\"}}", "US$ 42,00")]
    [InlineData("{{lead.name | money}}", "")]
    public void Money_is_written_in_brazilian_reais(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{lead.created_at | date}}", "01/12/2026")]
    [InlineData("{{lead.created_at | date: \"dd/MM/yyyy HH:mm\"}}", "01/12/2026 10:00")] // 13:00Z in São Paulo
    [InlineData("{{lead.expected_close_date | date: 'dd \\'de\\' MMMM'}}", "20 de dezembro")]
    [InlineData("{{lead.expected_close_date | date: \"dddd\"}}", "domingo")]
    public void Dates_are_written_in_the_workspace_zone_and_language(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void A_late_utc_time_falls_on_the_previous_day_in_sao_paulo()
    {
        var scope = Scope.With(runInput: """{ "at": "2026-12-04T01:30:00Z" }""");
        Assert.Equal("03/12/2026 22:30", Render("{{run.input.at | date: \"dd/MM/yyyy HH:mm\"}}", scope));
    }

    [Fact]
    public void The_date_filter_follows_the_scope_time_zone()
    {
        var scope = new WorkflowScope(JsonNode.Parse("""{ "run": { "input": { "at": "2026-12-04T01:30:00Z" } } }""")!.AsObject(), TimeZoneInfo.Utc);
        Assert.Equal("04/12/2026", Render("{{run.input.at | date}}", scope));
    }

    [Theory]
    [InlineData("Olá {{lead.nickname | default: \"cliente\"}}", "Olá cliente")]
    [InlineData("Olá {{lead.nickname | default: 'cliente' | upper}}", "Olá CLIENTE")]
    [InlineData("Olá {{lead.name | default: \"cliente\" | first_name}}", "Olá Maria")]
    [InlineData("Olá {{lead.owner_id | default: \"time\"}}", "Olá time")]
    public void Default_replaces_missing_null_or_blank_values(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void An_unknown_variable_renders_empty_and_is_reported()
    {
        var result = TemplateRenderer.Render("Olá {{lead.nmae}}!", Scope.Lead());
        Assert.Equal("Olá !", result.Text);
        Assert.Contains(result.Warnings, w => w.Contains("lead.nmae"));
        Assert.False(result.Truncated);
    }

    [Fact]
    public void An_unknown_filter_keeps_the_value_and_is_reported()
    {
        var result = TemplateRenderer.Render("{{lead.name | exec: \"rm -rf /\"}}", Scope.Lead());
        Assert.Equal("maria da silva", result.Text);
        Assert.Contains(result.Warnings, w => w.Contains("exec"));
    }

    [Fact]
    public void Values_are_not_rendered_again_so_a_lead_cannot_inject_variables()
    {
        var scope = Scope.With(lead: """{ "name": "{{run.input.secret}} {{lead.email}}", "email": "x@y.z" }""", runInput: """{ "secret": "s3cr3t" }""");
        Assert.Equal("Oi {{run.input.secret}} {{lead.email}}", Render("Oi {{lead.name}}", scope));
    }

    [Theory]
    [InlineData("{{constructor}}")]
    [InlineData("{{__proto__}}")]
    [InlineData("{{lead.constructor.name}}")]
    [InlineData("{{lead.__proto__.polluted}}")]
    [InlineData("{{ this.GetType() }}")]
    [InlineData("{{ System.IO.File.ReadAllText(\"/etc/passwd\") }}")]
    [InlineData("{{ 7*7 }}")]
    [InlineData("{{ lead.name; Environment.Exit(1) }}")]
    [InlineData("{{ process.exit() }}")]
    [InlineData("{{ require('child_process').execSync('id') }}")]
    [InlineData("{{ @DateTime.Now }}")]
    [InlineData("{{ `id` }}")]
    [InlineData("{{ $(id) }}")]
    public void Code_in_a_tag_is_never_run_and_renders_empty(string template)
    {
        var result = TemplateRenderer.Render(template, Scope.Lead());
        Assert.Equal("", result.Text);
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [InlineData("@DateTime.Now @(1+1) @{ var x = 1; }")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("${7*7} #{7*7} <%= 7*7 %> {% if x %}")]
    [InlineData("{lead.name} { {lead.name} } {{ }")]
    [InlineData("}}{{")]
    [InlineData("{{")]
    [InlineData("}}")]
    [InlineData("{{lead.name")]
    [InlineData("lead.name}}")]
    [InlineData("{{{{{{")]
    public void Text_outside_well_formed_tags_is_copied_as_it_is(string template)
    {
        var result = TemplateRenderer.Render(template, Scope.Lead());
        Assert.Equal(template.Replace("{{ }", "{{ }", StringComparison.Ordinal), result.Text);
    }

    [Theory]
    [InlineData("{{{lead.name}}}", "{maria da silva}")]
    [InlineData("{{ {{lead.name}}", "{{ maria da silva")]
    [InlineData("{{lead.name}}}}", "maria da silva}}")]
    [InlineData("a{{}}b", "ab")]
    [InlineData("{{lead.name | default: \"a}}b\"}}", "maria da silva")]
    public void Unbalanced_braces_render_the_innermost_tag(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void An_unterminated_quote_in_a_tag_renders_empty_with_a_warning()
    {
        var result = TemplateRenderer.Render("x{{lead.name | default: \"oops}}y", Scope.Lead());
        Assert.Equal("xy", result.Text);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void The_output_is_cut_at_the_limit()
    {
        var scope = Scope.With(lead: $$"""{ "name": "{{new string('a', 50_000)}}" }""");
        var result = TemplateRenderer.Render("{{lead.name}}{{lead.name}}{{lead.name}}", scope, maxOutputLength: 1000);
        Assert.Equal(1000, result.Text.Length);
        Assert.True(result.Truncated);
        Assert.Equal(TemplateRenderer.DefaultMaxOutputLength, TemplateRenderer.Render("{{lead.name}}", scope).Text.Length);
    }

    [Fact]
    public void A_cut_never_splits_an_emoji()
    {
        var result = TemplateRenderer.Render("ab😀c", new WorkflowScope(), maxOutputLength: 3);
        Assert.Equal("ab", result.Text);
    }

    [Fact]
    public void Huge_templates_with_many_tags_finish_within_the_limits()
    {
        var template = string.Concat(Enumerable.Repeat("{{lead.name}}", 100_000));
        var result = TemplateRenderer.Render(template, Scope.Lead());
        Assert.True(result.Text.Length <= TemplateRenderer.DefaultMaxOutputLength);
        Assert.NotEmpty(result.Warnings);
        var nested = new string('{', 100_000) + "lead.name" + new string('}', 100_000);
        Assert.True(TemplateRenderer.Render(nested, Scope.Lead(), 100_000).Text.Length <= 100_000);
    }

    [Fact]
    public void A_very_long_tag_is_copied_as_text()
    {
        var template = "{{" + new string('a', 1000) + "}}";
        Assert.Equal(template, Render(template));
    }

    [Fact]
    public void Beyond_the_expression_limit_tags_are_copied_as_text()
    {
        var template = string.Concat(Enumerable.Repeat("{{run.input.x}},", TemplateRenderer.MaxExpressions + 1));
        var text = TemplateRenderer.Render(template, Scope.Lead(), 100_000).Text;
        Assert.StartsWith("42,42,", text);
        Assert.EndsWith("{{run.input.x}},", text);
    }

    [Theory]
    [InlineData("{{lead.name | date: \"dd/MM\"}}")]
    [InlineData("{{lead.created_at | date: \"" + "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"}}")]
    [InlineData("{{lead.created_at | date: \"%\"}}")]
    [InlineData("{{lead.name | truncate: -1}}")]
    [InlineData("{{lead.name | truncate: 99999999999999999999}}")]
    public void Bad_filter_input_warns_instead_of_throwing(string template) =>
        Assert.NotEmpty(TemplateRenderer.Render(template, Scope.Lead()).Warnings);

    [Theory]
    [InlineData("{{run.input.one | plural: \"negócio ganho|negócios ganhos\"}}", "1 negócio ganho")]
    [InlineData("{{run.input.zero | plural: \"negócio ganho|negócios ganhos\"}}", "0 negócios ganhos")]
    [InlineData("{{run.input.x | plural: 'lead novo|leads novos'}}", "42 leads novos")]
    [InlineData("{{run.input.half | plural: \"lead|leads\"}}", "1,5 leads")]
    [InlineData("{{run.input.text_one | plural: \"perdido|perdidos\"}}", "1 perdido")]
    public void Plural_writes_the_count_with_the_form_that_agrees_with_it(string template, string expected)
    {
        var scope = Scope.With(runInput: """{ "one": 1, "zero": 0, "x": 42, "half": 1.5, "text_one": "1" }""");
        Assert.Equal(expected, Render(template, scope));
    }

    [Theory]
    [InlineData("{{run.input.x | plural}}")]
    [InlineData("{{run.input.x | plural: \"leads\"}}")]
    [InlineData("{{lead.name | plural: \"lead|leads\"}}")]
    public void Plural_without_both_forms_or_of_a_word_warns(string template) =>
        Assert.NotEmpty(TemplateRenderer.Render(template, Scope.Lead()).Warnings);

    [Theory]
    [InlineData("{{lead.name | truncate: 5}}", "maria…")]
    [InlineData("{{lead.name | truncate: 100}}", "maria da silva")]
    [InlineData("{{ \"  spaced \" }}", "")]
    [InlineData("{{lead.email | trim}}", "maria@example.com")]
    public void Other_filters(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("JOÃO PEDRO", "João")]
    [InlineData("  ana   maria ", "Ana")]
    [InlineData("McDonald", "McDonald")]
    [InlineData("d'ávila", "D'Ávila")]
    public void First_name_takes_the_first_word_and_fixes_its_case(string name, string expected) =>
        Assert.Equal(expected, NameCase.FirstName(name, System.Globalization.CultureInfo.GetCultureInfo("pt-BR")));

    [Fact]
    public void Null_or_empty_templates_render_empty()
    {
        Assert.Equal("", TemplateRenderer.Render(null, Scope.Lead()).Text);
        Assert.Equal("", TemplateRenderer.Render("", Scope.Lead()).Text);
    }

    [Fact]
    public void A_value_with_a_cut_emoji_renders_without_throwing()
    {
        var scope = Scope.With(lead: "{ \"name\": \"ana \\uD83D\" }");
        Assert.Equal("ANA \uFFFD", Render("{{lead.name | upper}}", scope));
    }

    [Fact]
    public void A_json_setting_is_rendered_keeping_the_type_of_whole_tags()
    {
        var body = JsonNode.Parse("""
            {
              "name": "{{lead.name | capitalize}}", "value": "{{lead.value}}", "tags": "{{lead.tags}}", "missing": "{{lead.nope}}",
              "text": "Conta de {{lead.custom.energy_bill}} em {{lead.custom.city}}", "fixed": 3, "flag": true,
              "items": [ "{{run.input.x}}", { "{{lead.name}}": "{{event.payload.form.city}}" } ]
            }
            """);
        var warnings = new List<string>();
        var rendered = TemplateRenderer.RenderValue(body, Scope.Lead(), warnings)!;
        Assert.Equal(
            """{"name":"Maria da Silva","value":1500.5,"tags":["solar","vip"],"missing":null,"text":"Conta de R$ 1.234,56 em São Paulo","fixed":3,"flag":true,"items":[42,{"{{lead.name}}":"Campinas"}]}""",
            rendered.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains(warnings, w => w.Contains("lead.nope"));
        Assert.Equal("{{lead.value}}", body!["value"]!.GetValue<string>()); // the stored setting is left as it was
    }

    [Fact]
    public void A_deep_json_setting_is_copied_without_recursing_forever()
    {
        JsonNode node = JsonValue.Create("{{lead.name}}");
        for (var i = 0; i < 200; i++) node = new JsonArray(node);
        Assert.NotNull(TemplateRenderer.RenderValue(node, Scope.Lead()));
    }

    [Fact]
    public void Json_already_inside_another_document_is_copied_into_the_scope()
    {
        var stored = JsonNode.Parse("""{ "lead": { "name": "Ana" }, "payload": { "city": "Recife" }, "ws": { "name": "Solar" } }""")!;
        var scope = new WorkflowScope().WithLead(stored["lead"]!.AsObject()).WithEvent("lead.created", stored["payload"])
            .WithRun(Guid.Empty, stored["payload"]).WithNodeOutput("n1", stored["payload"]).WithWorkspace(stored["ws"]!.AsObject());
        Assert.Equal("Ana Recife Recife Recife Solar", Render("{{lead.name}} {{event.payload.city}} {{run.input.city}} {{nodes.n1.output.city}} {{workspace.name}}", scope));
        Assert.Equal("Ana", stored["lead"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Olá {{lead.name | first_name}}, conta {{lead.custom.bill | money}} em {{ nodes.ask_1.output.answer | default: \"?\" }}")]
    [InlineData("{{event.payload.items[0].sku}} {{run.input.x}} {{workspace.name | upper}}")]
    [InlineData("sem variáveis { } }}")]
    [InlineData("")]
    public void A_well_formed_template_has_no_problems(string template) => Assert.Empty(TemplateRenderer.Check(template));

    [Theory]
    [InlineData("{{ lead.name | shout }}", "shout")]
    [InlineData("{{ contact.name }}", "contact.name")]
    [InlineData("{{ 7*7 }}", "7*7")]
    [InlineData("{{ lead.name | default: \"x }}", "quote")]
    [InlineData("{{}}", "not a variable path")]
    public void A_template_problem_is_named_before_the_workflow_runs(string template, string mentioned) =>
        Assert.Contains(TemplateRenderer.Check(template), p => p.Contains(mentioned));
}
