using System.Diagnostics;
using System.Text.Json;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Bench;

/// <summary>
/// How long validating a workflow graph takes (ADR 050), in process: the designer validates on every edit and the API
/// on every save, read and publish. Graphs of 60 nodes (issue 19's responsiveness bar) and 500 (the size limit), each
/// a chain of condition → set_field → send_whatsapp → delay blocks with a loop back through the delay.
/// </summary>
public static class WorkflowValidationBench
{
    public static void Run(int runs, List<string> rows, List<string> notes)
    {
        var sizes = new[] { 60, WorkflowGraphShape.MaxNodes };
        // Warm-up on every size first: schemas compiled and the JIT past its first tier, so the first size is not the slowest.
        foreach (var size in sizes)
        {
            var warm = WorkflowJson.Serialize(Graph(size));
            for (var i = 0; i < 300; i++) Measure(warm);
        }
        foreach (var size in sizes)
        {
            var graph = Graph(size);
            var json = WorkflowJson.Serialize(graph);
            var all = new List<IReadOnlyList<double>>();
            for (var r = 0; r < runs; r++) all.Add(Enumerable.Range(0, 200).Select(_ => Measure(json)).ToList());
            var problems = WorkflowGraphValidator.Validate(graph).Count;
            rows.Add(Stats.Row($"workflow graph of {graph.Nodes!.Count} nodes: parse + validate", all));
            notes.Add($"Workflow graph of {graph.Nodes.Count} nodes / {graph.Edges!.Count} edges: {json.Length / 1024.0:F0} kB of JSON, {problems} problems.");
        }
    }

    private static double Measure(string json)
    {
        var started = Stopwatch.GetTimestamp();
        WorkflowGraphValidator.Validate(WorkflowGraphShape.Normalize(WorkflowJson.Deserialize(json)));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static WorkflowGraph Graph(int size)
    {
        var nodes = new List<WorkflowNode> { Node("start", "trigger", new { kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" }, 0) };
        var edges = new List<WorkflowEdge>();
        var previous = "start";
        for (var block = 0; nodes.Count + 4 <= size - 1; block++)
        {
            string Id(string name) => $"{name}{block}";
            nodes.Add(Node(Id("check"), "condition", new { field = "lead.value", @operator = "gte", value = 1000 }, nodes.Count));
            nodes.Add(Node(Id("set"), "set_field", new { field = "lead.priority", value = "high" }, nodes.Count));
            nodes.Add(Node(Id("send"), "send_whatsapp", new { text = "Olá {{lead.name}}!" }, nodes.Count));
            nodes.Add(Node(Id("wait"), "delay", new { duration = "PT1H" }, nodes.Count));
            edges.Add(new WorkflowEdge(previous, "next", Id("check")));
            edges.Add(new WorkflowEdge(Id("check"), "true", Id("set")));
            edges.Add(new WorkflowEdge(Id("check"), "false", Id("send")));
            edges.Add(new WorkflowEdge(Id("set"), "next", Id("send")));
            edges.Add(new WorkflowEdge(Id("send"), "next", Id("wait")));
            previous = Id("wait");
        }
        nodes.Add(Node("end", "end", new { }, nodes.Count));
        edges.Add(new WorkflowEdge(previous, "next", "end"));
        return new WorkflowGraph(nodes, edges);
    }

    private static WorkflowNode Node(string id, string type, object settings, int index) =>
        new(id, type, JsonSerializer.SerializeToElement(settings), new NodePosition(index % 10 * 220, index / 10 * 120));
}
