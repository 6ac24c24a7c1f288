using System.Text.Json;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using SalesCrm.Web.Tests.Components;

namespace SalesCrm.Web.Tests.Workflows.Designer;

public class NodeSettingsFormTests
{
    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static WorkflowNodeModel NodeOf(string type, string settings = "{}") =>
        new($"{type}_1", type, JsonSerializer.Deserialize<JsonElement>(settings), new Point(0, 0));

    public static TheoryData<string> Types() => [.. WorkflowNodeCatalog.List().Select(t => t.Type)];

    /// <summary>Each property of the type's schema gets the editor its schema type calls for.</summary>
    [Theory]
    [MemberData(nameof(Types))]
    public async Task The_form_of_each_node_type_has_an_editor_per_schema_property_of_the_kind_its_schema_says(string type)
    {
        await using var ctx = NewContext();
        // A trigger shows the settings of its kind and those holding a value: all of them here.
        var node = type == "trigger"
            ? NodeOf(type, """{"kind":"event","event_type":"lead.created","filter":"","cron":"0 0 9 ? * MON","keywords":[],"first_message_only":false}""")
            : NodeOf(type);
        var cut = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, node));

        var schema = node.NodeType!.Schema.GetProperty("properties");
        static bool Deprecated(JsonProperty property) => property.Value.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True;
        foreach (var property in schema.EnumerateObject())
        {
            if (Deprecated(property))
            {
                // Kept so stored graphs stay valid, but it does nothing: not offered.
                Assert.Empty(cut.FindAll($"[data-testid='setting-{property.Name}']"));
                continue;
            }
            var field = cut.Find($"[data-testid='setting-{property.Name}']");
            var p = property.Value;
            var schemaType = p.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (p.TryGetProperty("enum", out _)) Assert.NotNull(field.QuerySelector(".mud-select"));
            else if (schemaType == "boolean") Assert.NotNull(field.QuerySelector("input[type=checkbox]"));
            else if (schemaType is "integer" or "number") Assert.NotNull(field.QuerySelector(".mud-input-numeric, input[inputmode=numeric], input[inputmode=decimal]"));
            else if (schemaType == "array" && p.GetProperty("items").TryGetProperty("type", out var it) && it.GetString() == "string") Assert.NotNull(field.QuerySelector("textarea"));
            else if (schemaType is null or "object" or "array") Assert.NotNull(field.QuerySelector("textarea"));
            else Assert.NotNull(field.QuerySelector("input, textarea"));
        }
        Assert.Equal(schema.EnumerateObject().Count(p => !Deprecated(p)), cut.FindAll("[data-testid^='setting-']").Count);
    }

    [Fact]
    public async Task A_trigger_shows_only_the_settings_of_its_kind_and_switching_the_kind_switches_them()
    {
        await using var ctx = NewContext();
        string[] Shown(IRenderedComponent<NodeSettingsForm> cut) =>
            [.. cut.FindAll("[data-testid^='setting-']").Select(f => f.GetAttribute("data-testid")!["setting-".Length..])];
        var cut = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, NodeOf("trigger", """{"kind":"schedule"}""")));
        Assert.Equal(["kind", "cron", "label"], Shown(cut));

        var manual = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, NodeOf("trigger", """{"kind":"manual"}""")));
        Assert.Equal(["kind", "label"], Shown(manual));
        var inbound = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, NodeOf("trigger", """{"kind":"inbound_message"}""")));
        Assert.Equal(["kind", "keywords", "first_message_only", "label"], Shown(inbound));

        // Choosing another kind in the form shows that kind's settings at once.
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.SelectOption("event"));
        cut.WaitForAssertion(() => Assert.Equal(["kind", "event_type", "filter", "label"], Shown(cut)));
    }

    [Fact]
    public async Task Required_settings_come_first_and_are_marked_in_the_readers_language()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var cut = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, NodeOf("ask_whatsapp")));

        var names = cut.FindAll("[data-testid^='setting-']").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["setting-question", "setting-answer_type"], names.Take(2));
        Assert.Equal("setting-label", names[^1]);
        Assert.Contains("Pergunta *", cut.Find("[data-testid='setting-question']").TextContent);
    }

    [Fact]
    public async Task Typing_a_setting_reports_the_whole_settings_object_and_keeps_the_other_settings_as_they_were()
    {
        await using var ctx = NewContext();
        var changes = new List<JsonElement>();
        var cut = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("create_activity", """{"title":"Ligar","activity_type":"call"}"""))
            .Add(f => f.OnChange, s => changes.Add(s)));

        cut.Find("[data-testid='setting-title'] input").Change("Ligar para {{lead.name}}");
        cut.Find("[data-testid='setting-title'] input").Change("");

        Assert.Equal("""{"title":"Ligar para {{lead.name}}","activity_type":"call"}""", changes[0].GetRawText());
        Assert.Equal("""{"activity_type":"call"}""", changes[1].GetRawText());
    }

    [Fact]
    public async Task A_list_setting_is_one_value_per_line_and_a_json_setting_takes_plain_text_as_a_string()
    {
        await using var ctx = NewContext();
        var changes = new List<JsonElement>();
        var cut = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("condition", """{"field":"lead.value","operator":"in"}"""))
            .Add(f => f.OnChange, s => changes.Add(s)));

        cut.Find("[data-testid='setting-value'] textarea").Change("[\"a\", \"b\"]");
        cut.Find("[data-testid='setting-value'] textarea").Change("meta_ads");
        var trigger = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("trigger", """{"kind":"inbound_message"}"""))
            .Add(f => f.OnChange, s => changes.Add(s)));
        trigger.Find("[data-testid='setting-keywords'] textarea").Change("oi\n\n olá \n");

        Assert.Equal("""["a","b"]""", changes[0].GetProperty("value").GetRawText());
        Assert.Equal("meta_ads", changes[1].GetProperty("value").GetString());
        Assert.Equal(["oi", "olá"], changes[2].GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_move_stage_node_picks_a_pipeline_and_then_one_of_its_stages_by_name()
    {
        await using var ctx = NewContext();
        var stage = new StageDto(Guid.NewGuid(), Guid.NewGuid(), "Qualificado", "#0f0", 1, 30, StageKind.Open, true, null);
        var pipeline = new PipelineDto(stage.PipelineId, "Vendas", true, 0, [stage]);
        var pickers = WorkflowPickers.Empty with { Pipelines = [pipeline], People = [new PersonDto(Guid.NewGuid(), "Ana Souza", "owner")] };
        var cut = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("move_stage", $$"""{"stage_id":"{{stage.Id}}"}"""))
            .Add(f => f.Pickers, pickers));

        var selects = cut.FindAll("[data-testid='setting-stage_id'] input");
        Assert.Equal(2, selects.Count);
        Assert.Equal("Vendas", selects[0].GetAttribute("value"));
        Assert.Equal("Qualificado", selects[1].GetAttribute("value"));
    }

    [Fact]
    public async Task Free_texts_offer_the_variables_of_the_lead_the_event_the_run_and_earlier_nodes()
    {
        var graph = new WorkflowGraph(
            [WorkflowGraphs.Node("start", "trigger", "{}"), WorkflowGraphs.Node("ask", "ask_whatsapp", "{}"), WorkflowGraphs.Node("note", "add_note", "{}"), WorkflowGraphs.Node("later", "end", "{}")],
            [WorkflowGraphs.Edge("start", "next", "ask"), WorkflowGraphs.Edge("ask", "answered", "note"), WorkflowGraphs.Edge("note", "next", "later")]);

        var variables = WorkflowVariables.For(graph, "note");

        Assert.Contains("{{lead.name}}", variables);
        Assert.Contains("{{event.payload.<campo>}}", variables);
        Assert.Contains("{{run.input.<campo>}}", variables);
        Assert.Contains("{{nodes.ask.output.answer}}", variables);
        Assert.Contains("{{nodes.ask.output.value}}", variables);
        Assert.DoesNotContain(variables, v => v.Contains("nodes.later") || v.Contains("nodes.note") || v.Contains("nodes.start"));
    }

    [Fact]
    public void Every_lead_variable_offered_names_a_field_the_engine_fills()
    {
        // The picker once offered lead.first_name, lead.stage and lead.owner, which the scope does not hold: they rendered empty.
        var lead = new SalesCrm.Core.Leads.LeadDto(Guid.NewGuid(), "Ana Souza", "ana@example.com", "+5511999990000", null, null, "Loja",
            SalesCrm.Core.Leads.LeadSource.MetaAds, ["meta_ads"], "fb", "cpc", "bf", null, null, Guid.NewGuid(), "Bruno", SalesCrm.Core.Leads.LeadPriority.High,
            2500m, "BRL", new DateOnly(2026, 12, 20), 40, new Dictionary<string, int>(), ["vip"], System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone(),
            SalesCrm.Core.Leads.LeadStatus.Open, null, Guid.NewGuid(), Guid.NewGuid(), 1, DateTime.UtcNow, DateTime.UtcNow, 1, 1, DateTime.UtcNow, DateTime.UtcNow, false, 2, null);
        var scope = new SalesCrm.Core.Workflows.Expressions.WorkflowScope().WithLead(lead);

        foreach (var path in WorkflowVariables.Lead.Where(p => !p.Contains('<')))
            Assert.True(scope.TryResolve(path, out var value) && value is not null, $"{path} is not in the run's scope");
    }

    [Theory]
    [InlineData("PT48H", 2, "days")]
    [InlineData("P2D", 2, "days")]
    [InlineData("PT2H", 2, "hours")]
    [InlineData("PT90M", 90, "minutes")]
    [InlineData("P1DT2H", 26, "hours")]
    [InlineData("pt30m", 30, "minutes")]
    public void A_stored_duration_reads_as_an_amount_in_its_largest_whole_unit(string iso, int amount, string unit) =>
        Assert.Equal(new FriendlyDuration(amount, unit), FriendlyDuration.Read(iso));

    [Theory]
    [InlineData("PT30S")]
    [InlineData("P1W")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("PT0H")]
    [InlineData("48h")]
    [InlineData("{{run.input.prazo}}")]
    public void A_duration_of_another_shape_is_not_read(string text) => Assert.Null(FriendlyDuration.Read(text));

    [Fact]
    public async Task A_timeout_is_typed_as_an_amount_and_a_unit_and_stored_as_iso_8601()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var changes = new List<JsonElement>();
        var cut = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("wait_for_event", """{"event_type":"whatsapp.received","timeout":"PT48H"}"""))
            .Add(f => f.OnChange, s => changes.Add(s)));

        var field = cut.Find("[data-testid='setting-timeout']");
        Assert.Contains("Tempo limite", field.TextContent);
        Assert.DoesNotContain("ISO", field.TextContent);
        Assert.Equal("2", cut.Find("[data-testid='setting-timeout'] input").GetAttribute("value"));
        Assert.Equal("days", cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Unidade").Instance.Value);
        Assert.Contains("dias", cut.Find("[data-testid='setting-timeout']").InnerHtml);

        cut.Find("[data-testid='setting-timeout'] input").Change("3");
        Assert.Equal("P3D", changes[^1].GetProperty("timeout").GetString());
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Unidade").Instance.SelectOption("hours"));
        cut.WaitForAssertion(() => Assert.Equal("PT3H", changes[^1].GetProperty("timeout").GetString()));

        // A stored value the two boxes cannot show stays editable as text.
        var odd = ctx.Render<NodeSettingsForm>(p => p.Add(f => f.Node, NodeOf("wait_for_event", """{"event_type":"whatsapp.received","timeout":"PT30S"}""")));
        Assert.Equal("PT30S", odd.Find("[data-testid='setting-timeout'] input").GetAttribute("value"));
    }

    [Fact]
    public async Task A_conditions_field_suggests_the_lead_fields_and_the_earlier_steps_outputs_and_takes_any_typed_path()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var changes = new List<JsonElement>();
        var cut = ctx.Render<NodeSettingsForm>(p => p
            .Add(f => f.Node, NodeOf("condition"))
            .Add(f => f.Variables, ["{{lead.name}}", "{{nodes.ask.output.answer}}", "{{nodes.ask.output.value}}"])
            .Add(f => f.OnChange, s => changes.Add(s)));

        var field = cut.FindComponents<MudAutocomplete<string>>().Single(a => a.Instance.Label!.StartsWith("Campo"));
        var all = (await field.Instance.SearchFunc!("", CancellationToken.None)).ToList();
        Assert.Contains("lead.value", all);
        Assert.Contains("lead.source", all);
        Assert.Contains("nodes.ask.output.value", all);
        Assert.DoesNotContain(all, v => v.Contains('<') || v.Contains('{'));
        Assert.Equal(["nodes.ask.output.answer", "nodes.ask.output.value"], await field.Instance.SearchFunc!("output", CancellationToken.None));

        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync("event.payload.campanha"));
        Assert.Equal("event.payload.campanha", changes[^1].GetProperty("field").GetString());
    }
}
