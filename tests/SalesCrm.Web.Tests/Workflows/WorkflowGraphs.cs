using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>Test data for runs: small graphs, publishing, starting by hand and waiting for a run to reach a state.</summary>
public static class WorkflowGraphs
{
    /// <summary>A node at (<paramref name="x"/>, <paramref name="y"/>) on the canvas; give nodes of one graph distinct places so pages and screenshots show each card.</summary>
    public static object Node(string id, string type, object settings, int x = 0, int y = 40) => new { id, type, settings, position = new { x, y } };

    /// <summary>How far apart <see cref="Line"/> places its nodes: wider than a card (190–260 px).</summary>
    public const int Spacing = 280;

    public static object Edge(string source, string target, string port = "next") => new { source, source_port = port, target };

    public static object Graph(object[] nodes, object[] edges) => new { nodes, edges };

    /// <summary>A manual trigger followed by <paramref name="steps"/> in a line, left to right, <see cref="Spacing"/> apart.</summary>
    public static object Line(params (string Id, string Type, object Settings)[] steps)
    {
        var nodes = new List<object> { Node("start", "trigger", new { kind = "manual" }) };
        var edges = new List<object>();
        var previous = "start";
        foreach (var (id, type, settings) in steps)
        {
            nodes.Add(Node(id, type, settings, nodes.Count * Spacing));
            edges.Add(Edge(previous, id));
            previous = id;
        }
        return Graph([.. nodes], [.. edges]);
    }

    /// <summary>Creates and publishes a workflow; returns its id.</summary>
    public static async Task<string> PublishAsync(this Session owner, object graph, string name = "Automação")
    {
        var draft = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name, graph })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)draft["id"]!;
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Starts a run by hand (202) and waits for the worker to make the run; returns the run's id.</summary>
    public static async Task<string> StartAsync(this Session owner, string workflowId, string? leadId, object? input = null)
    {
        var accepted = await (await owner.Client.PostAsJsonAsync($"/api/v1/workflows/{workflowId}/run", new { lead_id = leadId, input })).ExpectAsync(HttpStatusCode.Accepted);
        var itemId = (string)accepted["queue_item_id"]!;
        var queue = await Eventually.GetAsync(owner, $"/api/v1/workflow-queue?id=eq.{itemId}", q => q["items"]!.AsArray().FirstOrDefault()?["run_id"] is not null);
        return (string)queue["items"]![0]!["run_id"]!;
    }

    /// <summary>Waits until the run's status is <paramref name="status"/>; returns the run with its steps.</summary>
    public static Task<JsonNode> RunAsync(this Session session, string runId, string status, int seconds = 30) =>
        Eventually.GetAsync(session, $"/api/v1/workflow-runs/{runId}", r => (string?)r["status"] == status, seconds);

    /// <summary>The runs of a workflow (newest first), optionally for one lead.</summary>
    public static async Task<JsonArray> RunsAsync(this Session session, string workflowId, string? leadId = null) =>
        (await session.GetJsonAsync($"/api/v1/workflow-runs?workflow_id=eq.{workflowId}" + (leadId is null ? "" : $"&lead_id=eq.{leadId}")))["items"]!.AsArray();

    public static IEnumerable<string> StepNodes(JsonNode run) => run["steps"]!.AsArray().Select(s => (string)s!["node_id"]!);

    /// <summary>A trigger of some kind followed by a tag (trigger tests).</summary>
    public static object TriggerThenTag(object trigger, string tag = "auto") => new
    {
        nodes = new[] { Node("start", "trigger", trigger), Node("tag", "add_tag", new { tag }, 240) },
        edges = new[] { new { source = "start", source_port = "next", target = "tag" } },
    };

    public static async Task<JsonNode> SetActiveAsync(this Session owner, Guid id, bool active) =>
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { active })).ExpectAsync(HttpStatusCode.OK);
}
