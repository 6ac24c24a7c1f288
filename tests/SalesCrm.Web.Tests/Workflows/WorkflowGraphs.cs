using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>Small graphs for trigger tests: a trigger of some kind followed by a tag.</summary>
public static class WorkflowGraphs
{
    public static object Node(string id, string type, object settings, int x = 0) => new { id, type, settings, position = new { x, y = 40 } };

    public static object TriggerThenTag(object trigger, string tag = "auto") => new
    {
        nodes = new[] { Node("start", "trigger", trigger), Node("tag", "add_tag", new { tag }, 240) },
        edges = new[] { new { source = "start", source_port = "next", target = "tag" } },
    };

    /// <summary>Creates the workflow and publishes it; returns its id.</summary>
    public static async Task<Guid> PublishAsync(this Session owner, object graph, string name = "Gatilho")
    {
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name, graph })).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        return Guid.Parse(id);
    }

    public static async Task<JsonNode> SetActiveAsync(this Session owner, Guid id, bool active) =>
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { active })).ExpectAsync(HttpStatusCode.OK);
}
