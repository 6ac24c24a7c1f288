using System.Net;
using System.Net.Http.Json;
using Bunit;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Components;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>/workflows/{id} over the real services: copy and paste on the canvas, and the bot's funnel beside it.</summary>
public sealed class WorkflowDesignerPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly TimeSpan Autosave = TimeSpan.FromSeconds(15);

    private static object TriggerAndTag() => Graph(
        [Node("start", "trigger", new { kind = "manual" }), Node("tag", "add_tag", new { tag = "vip" }, 300)],
        [Edge("start", "tag")]);

    private static object Bot() => Graph(
        [
            Node("start", "trigger", new { kind = "manual" }),
            Node("email", "ask_whatsapp", new { question = "Qual o seu e-mail?", answer_type = "email", store_to = "lead.custom.email_contato", timeout = "PT1H" }, 240),
            Node("ok", "add_tag", new { tag = "qualificado" }, 480),
        ],
        [Edge("start", "email"), Edge("email", "ok", "answered"), Edge("email", "ok", "invalid"), Edge("email", "ok", "timeout")]);

    private static async Task<Guid> DraftAsync(Session owner, object graph, string name = "Rascunho") =>
        Guid.Parse((string)(await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name, graph })).ExpectAsync(HttpStatusCode.Created))["id"]!);

    private static IReadOnlyList<string?> NodeIds(IRenderedComponent<WorkflowDesignerPage> cut) =>
        cut.FindAll("[data-testid=wf-node]").Select(n => n.GetAttribute("data-node-id")).ToList();

    /// <summary>Selects a node as a click on it does (the canvas's pointer-down on the node).</summary>
    private static Task SelectAsync(IRenderedComponent<WorkflowDesignerPage> cut, string id) =>
        cut.InvokeAsync(() => cut.Find($"[data-testid=wf-node][data-node-id='{id}']").Closest(".diagram-node")!
            .PointerDown(new Microsoft.AspNetCore.Components.Web.PointerEventArgs { Button = 0, PointerType = "mouse" }));

    [Fact]
    public async Task Ctrl_C_Ctrl_V_pastes_a_new_node_with_the_same_settings_selected_one_undo_removes_it_and_the_paste_is_autosaved()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = await DraftAsync(owner, TriggerAndTag());

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(["start", "tag"], NodeIds(cut)));

            await SelectAsync(cut, "tag");
            cut.WaitForAssertion(() => Assert.Equal("Adicionar etiqueta", cut.Find("[data-testid=wf-selected-title]").TextContent));
            await cut.Instance.OnShortcut("c");
            await cut.Instance.OnShortcut("v");

            cut.WaitForAssertion(() => Assert.Equal(["start", "tag", "add_tag_1"], NodeIds(cut)));
            Assert.Equal("vip", cut.Find("[data-testid=wf-node][data-node-id='add_tag_1'] [data-testid=wf-node-key]").TextContent);
            Assert.Equal("Adicionar etiqueta", cut.Find("[data-testid=wf-selected-title]").TextContent);
            Assert.Equal("add_tag_1", cut.Find("[data-testid=wf-side] .mud-typography-caption").TextContent);
            Assert.Equal("Não salvo", cut.Find("[data-testid=wf-save-state]").TextContent);
            Assert.Contains(ctx.Snackbars(), s => s.StartsWith("Passos copiados: 1"));

            await cut.Instance.OnShortcut("z");
            cut.WaitForAssertion(() => Assert.Equal(["start", "tag"], NodeIds(cut)));
            await cut.Instance.OnShortcut("y");
            cut.WaitForAssertion(() => Assert.Equal(["start", "tag", "add_tag_1"], NodeIds(cut)));
            cut.WaitForAssertion(() => Assert.Equal("Salvo", cut.Find("[data-testid=wf-save-state]").TextContent), Autosave);
            return 0;
        });
        var stored = await owner.GetJsonAsync($"/api/v1/workflows/{id}");
        var pasted = stored["graph"]!["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "add_tag_1")!;
        Assert.Equal("vip", (string?)pasted["settings"]!["tag"]);
        Assert.Equal(340, (double)pasted["position"]!["x"]!);
    }

    [Fact]
    public async Task Copying_the_trigger_says_it_is_left_out_and_duplicating_the_trigger_and_a_step_adds_only_the_step()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = await DraftAsync(owner, TriggerAndTag());

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(2, NodeIds(cut).Count));

            await SelectAsync(cut, "start");
            await cut.Instance.OnShortcut("c");
            Assert.Contains(ctx.Snackbars(), s => s.StartsWith("O gatilho não é copiado"));
            await cut.Instance.OnShortcut("v");
            Assert.Equal(["start", "tag"], NodeIds(cut));
            Assert.True(cut.Find("[data-testid=wf-paste]").HasAttribute("disabled"));

            await cut.InvokeAsync(() => cut.Find("[data-testid=wf-node][data-node-id='tag']").Closest(".diagram-node")!
                .PointerDown(new Microsoft.AspNetCore.Components.Web.PointerEventArgs { Button = 0, PointerType = "mouse", CtrlKey = true }));
            await cut.Instance.OnShortcut("d");
            cut.WaitForAssertion(() => Assert.Equal(["start", "tag", "add_tag_1"], NodeIds(cut)));
            Assert.Equal(2, ctx.Snackbars().Count(s => s.StartsWith("O gatilho não é copiado")));
            return 0;
        });
    }

    [Fact]
    public async Task A_published_bot_shows_its_funnel_with_the_no_runs_yet_state_and_a_workflow_without_questions_has_no_funnel_button()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var bot = Guid.Parse(await owner.PublishAsync(Bot(), "Qualificação"));
        var plain = await DraftAsync(owner, TriggerAndTag());

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, bot));
            cut.WaitForAssertion(() => Assert.Equal(3, NodeIds(cut).Count));
            Assert.Empty(cut.FindAll("[data-testid=bot-funnel]"));

            await cut.Find("[data-testid=wf-show-funnel]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Equal("Ainda não há respostas às perguntas do bot.", cut.Find("[data-testid=wf-side] [data-testid=bot-funnel-empty]").TextContent));
            Assert.Equal("true", cut.Find("[data-testid=wf-show-funnel]").GetAttribute("aria-pressed"));

            await cut.Find("[data-testid=wf-show-funnel]").ClickAsync(new());
            Assert.Empty(cut.FindAll("[data-testid=bot-funnel]"));

            var other = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, plain));
            other.WaitForAssertion(() => Assert.Equal(2, NodeIds(other).Count));
            Assert.Empty(other.FindAll("[data-testid=wf-show-funnel]"));
            return 0;
        });
    }

    [Fact]
    public async Task The_funnel_panel_counts_a_run_that_reached_the_question()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var bot = await owner.PublishAsync(Bot(), "Qualificação");
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Sem telefone" }))["id"]!;
        var run = await owner.StartAsync(bot, lead);
        await Eventually.GetAsync(owner, $"/api/v1/workflow-runs/{run}", r => StepNodes(r).Contains("email"));

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, Guid.Parse(bot)));
            cut.WaitForAssertion(() => Assert.Equal(3, NodeIds(cut).Count));
            await cut.Find("[data-testid=wf-show-funnel]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Equal("Qual o seu e-mail?", cut.Find("[data-testid=bot-funnel-row][data-node-id=email] td").TextContent));
            var cells = cut.FindAll("[data-testid=bot-funnel-row][data-node-id=email] td").Select(c => c.TextContent).ToList();
            Assert.Equal("1", cells[1]);
            Assert.Equal(1, int.Parse(cells[2]) + int.Parse(cells[3]));
            // The y axis follows the counts: whole steps up to the one run, not MudBlazor's default 0–20.
            var ticks = cut.FindAll("[data-testid=bot-funnel] svg text").Select(t => t.TextContent.Trim()).Where(t => int.TryParse(t, out _)).ToList();
            Assert.Contains("1", ticks);
            Assert.DoesNotContain("20", ticks);
            return 0;
        });
    }

    [Fact]
    public async Task A_bot_drafted_after_a_version_without_questions_says_the_published_version_asks_nothing()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse(await owner.PublishAsync(TriggerAndTag(), "Virou bot"));
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = Bot() })).ExpectAsync(HttpStatusCode.OK);

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(3, NodeIds(cut).Count));
            await cut.Find("[data-testid=wf-show-funnel]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.StartsWith("A versão publicada não tem perguntas do bot", cut.Find("[data-testid=bot-funnel-no-questions]").TextContent));
            return 0;
        });
    }

    [Fact]
    public async Task A_call_node_shows_the_name_of_the_workflow_it_calls()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var called = await DraftAsync(owner, TriggerAndTag(), "Boas-vindas Meta");
        var id = await DraftAsync(owner, Graph(
            [Node("start", "trigger", new { kind = "manual" }), Node("call", "call_workflow", new { workflow_id = called }, 300)],
            [Edge("start", "call")]), "Chamador");

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal("→ Boas-vindas Meta", cut.Find("[data-testid=wf-node][data-node-id='call'] [data-testid=wf-node-key]").TextContent));
            return 0;
        });
    }

    [Fact]
    public async Task The_header_says_when_the_saved_draft_differs_from_the_published_version()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var same = Guid.Parse(await owner.PublishAsync(TriggerAndTag(), "Igual"));
        var edited = Guid.Parse(await owner.PublishAsync(TriggerAndTag(), "Editada"));
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{edited}", new { graph = Graph(
            [Node("start", "trigger", new { kind = "manual" }), Node("tag", "add_tag", new { tag = "outra" }, 300)], [Edge("start", "tag")]) })).ExpectAsync(HttpStatusCode.OK);

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var changed = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, edited));
            changed.WaitForAssertion(() => Assert.Equal("Alterações não publicadas", changed.Find("[data-testid=wf-unpublished]").TextContent));
            Assert.Equal("Versão 1", changed.Find("[data-testid=wf-version]").TextContent);
            var unchanged = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, same));
            unchanged.WaitForAssertion(() => Assert.Equal("Versão 1", unchanged.Find("[data-testid=wf-version]").TextContent));
            Assert.Empty(unchanged.FindAll("[data-testid=wf-unpublished]"));
            return 0;
        });
    }

    [Fact]
    public async Task A_panel_opened_from_the_toolbar_is_scrolled_into_view_in_the_side_panel()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = Guid.Parse(await owner.PublishAsync(TriggerAndTag(), "Rolagem"));

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(2, NodeIds(cut).Count));
            string[] Scrolled() => [.. ctx.JSInterop.Invocations.Where(i => i.Identifier == "mudScrollManager.scrollIntoView").Select(i => (string)i.Arguments[0]!)];
            Assert.Empty(Scrolled());

            await cut.Find("[data-testid=wf-show-versions]").ClickAsync(new());
            cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=wf-versions]")));
            cut.WaitForAssertion(() => Assert.Equal(["[data-testid=wf-versions]"], Scrolled()));

            await cut.Find("[data-testid=wf-show-versions]").ClickAsync(new()); // closing scrolls nowhere
            Assert.Empty(cut.FindAll("[data-testid=wf-versions]"));
            Assert.Single(Scrolled());
            return 0;
        });
    }

    [Fact]
    public async Task A_step_added_from_the_palette_beyond_the_visible_canvas_is_panned_into_view()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = await DraftAsync(owner, Graph(
            [Node("start", "trigger", new { kind = "manual" }), Node("tag", "add_tag", new { tag = "vip" }, 300), Node("far", "add_tag", new { tag = "fim" }, 1400)],
            [Edge("start", "tag"), Edge("tag", "far")]));

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(3, NodeIds(cut).Count));
            var diagram = cut.Instance.Diagram;
            await cut.InvokeAsync(() => diagram.SetContainer(new Blazor.Diagrams.Core.Geometry.Rectangle(0, 0, 900, 500)));
            Assert.Equal(0, diagram.Pan.X);

            await cut.InvokeAsync(() => cut.Find("[data-testid=palette-add_tag]").Click());

            cut.WaitForAssertion(() => Assert.Equal(4, NodeIds(cut).Count));
            var added = diagram.Nodes.Last();
            Assert.True(added.Position.X > 900, $"the new step lands right of the others, at x {added.Position.X}");
            var left = added.Position.X * diagram.Zoom + diagram.Pan.X;
            var top = added.Position.Y * diagram.Zoom + diagram.Pan.Y;
            Assert.InRange(left, 0, 900 - 200);
            Assert.InRange(top, 0, 500 - 80);
            return 0;
        });
    }

    [Fact]
    public async Task A_second_tab_saving_over_the_first_tabs_save_asks_and_loading_shows_the_first_tabs_step()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = await DraftAsync(owner, TriggerAndTag());

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
            var tabA = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            var tabB = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            tabA.WaitForAssertion(() => Assert.Equal(2, NodeIds(tabA).Count));
            tabB.WaitForAssertion(() => Assert.Equal(2, NodeIds(tabB).Count));

            // Tab A adds an end and saves; tab B, still on the old draft, adds a note and saves.
            await tabA.InvokeAsync(() => tabA.Find("[data-testid=palette-end]").Click());
            await tabA.Instance.OnShortcut("s");
            Assert.Contains("end_1", NodeIds(tabA));
            await tabB.InvokeAsync(() => tabB.Find("[data-testid=palette-add_note]").Click());
            var saving = tabB.InvokeAsync(() => tabB.Instance.OnShortcut("s"));

            // Nothing is overwritten unasked: B is told, and loads what A saved.
            dialogs.WaitForAssertion(() => Assert.Contains("foi salva em outra aba ou por outra pessoa", dialogs.Markup));
            var stored = (await owner.GetJsonAsync($"/api/v1/workflows/{id}"))["graph"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]).ToList();
            Assert.Equal(["start", "tag", "end_1"], stored);
            await dialogs.FindAll("button").First(b => b.TextContent.Contains("Carregar o salvo")).ClickAsync(new());
            await saving;
            tabB.WaitForAssertion(() => Assert.Equal(["start", "tag", "end_1"], NodeIds(tabB)));

            // B edits again from what it loaded: the save goes through.
            await tabB.InvokeAsync(() => tabB.Find("[data-testid=palette-add_note]").Click());
            await tabB.InvokeAsync(() => tabB.Instance.OnShortcut("s"));
            var after = (await owner.GetJsonAsync($"/api/v1/workflows/{id}"))["graph"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]).ToList();
            Assert.Equal(["start", "tag", "end_1", "add_note_1"], after);
            return 0;
        });
    }

    [Fact]
    public async Task Without_a_mouse_a_step_is_added_from_the_side_panel_with_focus_on_its_form_and_linked_through_its_connection_select()
    {
        using var culture = new CultureScope("pt-BR");
        var owner = await app.RegisterAsync();
        var id = await DraftAsync(owner, Graph([Node("start", "trigger", new { kind = "manual" })], []));

        await owner.AsMemberAsync(async sp =>
        {
            await using var ctx = DesignerComponents.NewContext(sp);
            var module = ctx.JSInterop.SetupModule("./js/workflow-designer.js");
            var cut = ctx.Render<WorkflowDesignerPage>(p => p.Add(c => c.Id, id));
            cut.WaitForAssertion(() => Assert.Equal(["start"], NodeIds(cut)));

            // "Tipo de passo" → Adicionar (the select and the button a keyboard reaches with Tab, Enter and the arrows).
            var type = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Tipo de passo");
            await cut.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync("add_tag"));
            await cut.InvokeAsync(() => cut.Find("[data-testid=wf-add]").Click());

            cut.WaitForAssertion(() => Assert.Equal(["start", "add_tag_1"], NodeIds(cut)));
            Assert.Equal("Adicionar etiqueta", cut.Find("[data-testid=wf-selected-title]").TextContent);
            // The focus goes to the new step's first setting, inside the side panel.
            cut.WaitForAssertion(() => Assert.Single(module.Invocations, i => i.Identifier == "focusFirstField"));

            // "Ir para outro passo" chooses the trigger, which links to the new step through its "próximo" select.
            var other = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Ir para outro passo");
            await cut.InvokeAsync(() => other.Instance.ValueChanged.InvokeAsync("start"));
            cut.WaitForAssertion(() => Assert.Equal("Gatilho", cut.Find("[data-testid=wf-selected-title]").TextContent));
            var next = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label!.StartsWith("próximo"));
            await cut.InvokeAsync(() => next.Instance.ValueChanged.InvokeAsync("add_tag_1"));
            cut.WaitForAssertion(() => Assert.Single(cut.Instance.Diagram.Links));
            return 0;
        });
    }
}
