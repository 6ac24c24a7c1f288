using System.Text.Json;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Tests.Workflows.Designer;

/// <summary>Graphs for the designer's tests: one node of every catalog type, and a larger one with the awkward cases.</summary>
public static class WorkflowGraphs
{
    public static WorkflowNode Node(string id, string type, string settings, double x = 0, double y = 0) =>
        new(id, type, JsonSerializer.Deserialize<JsonElement>(settings), new NodePosition(x, y));

    public static WorkflowEdge Edge(string source, string port, string target) => new(source, port, target);

    /// <summary>Valid-looking settings for each type, so a node of it can be drawn with all its ports.</summary>
    public static string SettingsOf(string type) => type switch
    {
        "trigger" => """{"kind":"event","event_type":"lead.created","filter":"source=eq.meta_ads"}""",
        "condition" => """{"field":"lead.value","operator":"gte","value":1000}""",
        "switch" => """{"field":"lead.custom.cidade","cases":[{"port":"curitiba","value":"Curitiba"},{"port":"sao_paulo","value":"São Paulo"}]}""",
        "delay" => """{"duration":"P2D"}""",
        "wait_for_event" => """{"event_type":"whatsapp.received","same_lead":true,"timeout":"PT48H"}""",
        "ask_whatsapp" => """{"question":"Qual é a sua cidade?","answer_type":"option","options":["Curitiba","Outra"],"store_to":"lead.custom.cidade","max_attempts":3}""",
        "ai_reply" => """{"confidence_threshold":0.7,"fallback_text":"Já te respondo!"}""",
        "handoff" => """{"rule":"round_robin","notify_owner":true,"message":"Um consultor vai falar com você."}""",
        "move_stage" => """{"stage_id":"0193a1b2-0000-7000-8000-000000000001"}""",
        "assign" => """{"mode":"round_robin"}""",
        "set_field" => """{"field":"lead.priority","value":"high"}""",
        "add_tag" => """{"tag":"meta"}""",
        "create_activity" => """{"title":"Ligar para {{lead.name}}","activity_type":"call","due_in":"PT2H","assignee":"owner"}""",
        "add_note" => """{"text":"Veio do bot"}""",
        "send_whatsapp" => """{"text":"Olá {{lead.first_name}}! 👋","variables":{"1":"{{lead.name}}"}}""",
        "send_email" => """{"subject":"Bem-vindo","body":"Olá {{lead.name}}"}""",
        "http_request" => """{"method":"POST","url":"https://erp.example.com/hook","headers":{"X-Key":"k"},"body":{"lead":"{{lead.id}}","n":[1,2.5,null]},"timeout_seconds":10}""",
        "emit_event" => """{"event_type":"custom.bot.done","payload":{"ok":true}}""",
        "call_workflow" => """{"workflow_id":"0193a1b2-0000-7000-8000-000000000002","wait":false}""",
        _ => "{}",
    };

    /// <summary>A trigger, then one node of every other type in a chain, each port of each node linked to the next one.</summary>
    public static WorkflowGraph EveryType()
    {
        var types = WorkflowNodeCatalog.List().Select(t => t.Type).Where(t => t != "trigger" && t != "end").Append("end").ToList();
        var nodes = new List<WorkflowNode> { Node("start", "trigger", SettingsOf("trigger"), 10.5, 20.25) };
        nodes.AddRange(types.Select((t, i) => Node($"n{i}_{t}", t, SettingsOf(t), 200 + i * 180.125, 40 + i % 3 * 90)));
        var edges = new List<WorkflowEdge>();
        for (var i = 0; i < nodes.Count - 1; i++)
        {
            var type = WorkflowNodeCatalog.Find(nodes[i].Type)!;
            foreach (var port in WorkflowGraphValidator.PortsOf(nodes[i], type)) edges.Add(Edge(nodes[i].Id!, port, nodes[i + 1].Id!));
        }
        return new WorkflowGraph(nodes, edges);
    }

    /// <summary>Loops, a switch with case ports, fan-in, an edge from a port the type lacks, one to a missing node, unicode and odd numbers.</summary>
    public static WorkflowGraph Complex() => new(
        [
            Node("start", "trigger", """{"kind":"inbound_message","keywords":["oi","olá"],"first_message_only":true,"label":"Primeira mensagem"}""", -120.75, 0),
            Node("ask", "ask_whatsapp", SettingsOf("ask_whatsapp"), 100, -50.5),
            Node("route", "switch", SettingsOf("switch"), 340, 0),
            Node("cwb", "add_tag", """{"tag":"curitiba"}""", 560, -120),
            Node("sp", "add_tag", """{"tag":"são paulo"}""", 560, 0),
            Node("other", "condition", """{"field":"nodes.ask.output.value","operator":"in","value":["a","b"]}""", 560, 120),
            Node("wait", "delay", """{"until":"{{run.input.when}}"}""", 780, 120),
            Node("bye", "end", "{}", 1000, 0),
            Node("stray", "mystery_type", """{"x":1e-7}""", 1000, 300),
        ],
        [
            Edge("start", "next", "ask"),
            Edge("ask", "answered", "route"),
            Edge("ask", "invalid", "ask"),
            Edge("ask", "timeout", "bye"),
            Edge("route", "curitiba", "cwb"),
            Edge("route", "sao_paulo", "sp"),
            Edge("route", "default", "other"),
            Edge("cwb", "next", "bye"),
            Edge("sp", "next", "bye"),
            Edge("other", "true", "wait"),
            Edge("other", "maybe", "bye"),
            Edge("wait", "next", "ask"),
            Edge("stray", "next", "bye"),
        ]);
}
