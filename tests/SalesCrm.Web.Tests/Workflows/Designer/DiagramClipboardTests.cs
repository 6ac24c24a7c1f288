using System.Text.Json;
using Blazor.Diagrams;
using SalesCrm.Core.Workflows;
using SalesCrm.Web.Features.Workflows.Designer;
using static SalesCrm.Web.Tests.Workflows.Designer.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>Copy and paste on the designer's canvas: what is copied, the ids and places of the copies, the links kept.</summary>
public class DiagramClipboardTests
{
    private static readonly WorkflowDiagramMapper Mapper = new((type, port) => $"{type}.{port}");

    /// <summary>trigger → ask → route (switch) → cwb / sp, and an unrelated tag; the given ids are selected.</summary>
    private static BlazorDiagram Canvas(params string[] selected)
    {
        var diagram = new BlazorDiagram(new() { AllowMultiSelection = true });
        Mapper.Load(diagram, new WorkflowGraph(
            [
                Node("start", "trigger", SettingsOf("trigger"), 0, 0),
                Node("ask", "ask_whatsapp", SettingsOf("ask_whatsapp"), 200, 0),
                Node("route", "switch", SettingsOf("switch"), 400, 0),
                Node("cwb", "add_tag", """{"tag":"curitiba"}""", 600, -100),
                Node("sp", "add_tag", """{"tag":"são paulo"}""", 600, 100),
                Node("other", "add_tag", """{"tag":"outra"}""", 600, 300),
            ],
            [Edge("start", "next", "ask"), Edge("ask", "answered", "route"), Edge("route", "curitiba", "cwb"), Edge("route", "sao_paulo", "sp"), Edge("route", "default", "other")]));
        foreach (var node in diagram.Nodes.Where(n => selected.Contains(n.Id))) diagram.SelectModel(node, unselectOthers: false);
        return diagram;
    }

    private static WorkflowNode Stored(BlazorDiagram diagram, string id) => Mapper.ToGraph(diagram).Nodes!.Single(n => n.Id == id);

    [Fact]
    public void Pasting_adds_new_ids_of_the_same_types_with_the_same_settings_40px_further_and_only_the_links_between_the_copied_nodes()
    {
        var diagram = Canvas("route", "cwb", "sp");
        var clipboard = new DiagramClipboard();

        Assert.Equal(3, clipboard.Copy(diagram));
        var pasted = clipboard.Paste(diagram, Mapper);

        Assert.Equal(["switch_1", "add_tag_1", "add_tag_2"], pasted.Select(n => n.Id));
        var graph = Mapper.ToGraph(diagram);
        Assert.Equal(9, graph.Nodes!.Count);
        foreach (var (copy, original) in new[] { ("switch_1", "route"), ("add_tag_1", "cwb"), ("add_tag_2", "sp") })
        {
            var (c, o) = (Stored(diagram, copy), Stored(diagram, original));
            Assert.Equal(o.Type, c.Type);
            Assert.Equal(JsonSerializer.Serialize(o.Settings), JsonSerializer.Serialize(c.Settings));
            Assert.Equal(new NodePosition(o.Position!.X + 40, o.Position.Y + 40), c.Position);
        }
        var fromCopies = graph.Edges!.Where(e => e.Source is "switch_1" or "add_tag_1" or "add_tag_2" || e.Target is "switch_1" or "add_tag_1" or "add_tag_2");
        Assert.Equal([new WorkflowEdge("switch_1", "curitiba", "add_tag_1"), new WorkflowEdge("switch_1", "sao_paulo", "add_tag_2")], fromCopies);
    }

    [Fact]
    public void Each_paste_lands_40px_further_than_the_previous_one_and_the_copies_do_not_follow_later_edits_of_the_originals()
    {
        var diagram = Canvas("cwb");
        var clipboard = new DiagramClipboard();
        clipboard.Copy(diagram);
        diagram.Nodes.OfType<WorkflowNodeModel>().Single(n => n.Id == "cwb").Settings = JsonSerializer.SerializeToElement(new { tag = "mudou" });

        var first = clipboard.Paste(diagram, Mapper).Single();
        var second = clipboard.Paste(diagram, Mapper).Single();

        Assert.Equal((640, -60), (first.Position.X, first.Position.Y));
        Assert.Equal((680, -20), (second.Position.X, second.Position.Y));
        Assert.Equal(("add_tag_1", "add_tag_2"), (first.Id, second.Id));
        Assert.Equal("curitiba", second.Settings!.Value.GetProperty("tag").GetString());
    }

    [Fact]
    public void A_selected_trigger_is_not_copied_and_a_selection_of_only_the_trigger_keeps_what_was_copied_before()
    {
        var diagram = Canvas("start", "ask");
        var clipboard = new DiagramClipboard();

        Assert.Equal(1, clipboard.Copy(diagram));
        Assert.Equal(1, clipboard.SkippedTriggers);
        Assert.Equal(["ask_whatsapp_1"], clipboard.Paste(diagram, Mapper).Select(n => n.Id));
        Assert.Single(diagram.Nodes.OfType<WorkflowNodeModel>(), n => n.Type == "trigger");

        diagram.UnselectAll();
        diagram.SelectModel(diagram.Nodes.Single(n => n.Id == "start"), unselectOthers: true);
        Assert.Equal(0, clipboard.Copy(diagram));
        Assert.Equal(1, clipboard.SkippedTriggers);
        Assert.True(clipboard.CanPaste);
        Assert.Equal(["ask_whatsapp_2"], clipboard.Paste(diagram, Mapper).Select(n => n.Id));
    }

    [Fact]
    public void A_paste_is_one_change_of_the_diagram()
    {
        var diagram = Canvas("route", "cwb", "sp");
        var clipboard = new DiagramClipboard();
        clipboard.Copy(diagram);
        var changes = 0;
        diagram.Changed += () => changes++;

        clipboard.Paste(diagram, Mapper);

        Assert.Equal(1, changes);
    }

    [Fact]
    public void With_nothing_copied_paste_adds_nothing()
    {
        var diagram = Canvas();
        var clipboard = new DiagramClipboard();

        Assert.Equal(0, clipboard.Copy(diagram));
        Assert.False(clipboard.CanPaste);
        Assert.Empty(clipboard.Paste(diagram, Mapper));
        Assert.Equal(6, diagram.Nodes.Count);
    }
}
