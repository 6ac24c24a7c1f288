using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows.DryRuns;

/// <summary>Calls <c>POST /api/v1/workflows/{id}/dry-run</c> and counts every table's rows to prove it wrote nothing.</summary>
public static class DryRunCalls
{
    public static Task<HttpResponseMessage> PostDryRunAsync(this Session session, string workflowId, object body, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workflows/{workflowId}/dry-run") { Content = JsonContent.Create(body, options: Api.Json) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return session.Client.SendAsync(request);
    }

    public static async Task<JsonNode> DryRunAsync(this Session session, string workflowId, object body, string? language = null) =>
        await (await session.PostDryRunAsync(workflowId, body, language)).ExpectAsync(HttpStatusCode.OK);

    public static IEnumerable<string?> PathNodes(JsonNode result) => result["path"]!.AsArray().Select(s => (string?)s!["node_id"]);

    public static IEnumerable<string?> ActionNodes(JsonNode result) => result["actions"]!.AsArray().Select(s => (string?)s!["node_id"]);

    public static JsonNode Action(JsonNode result, string nodeId) => result["actions"]!.AsArray().Single(a => (string?)a!["node_id"] == nodeId)!;

    public static JsonNode Step(JsonNode result, string nodeId) => result["path"]!.AsArray().Single(a => (string?)a!["node_id"] == nodeId)!;

    /// <summary>Rows in every table of the model (runs, steps, queue, events/outbox, messages, e-mails, activities, audit…), by table.</summary>
    public static async Task<Dictionary<string, int>> CountRowsAsync(CrmAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var counts = new Dictionary<string, int>();
        foreach (var table in tables)
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
        return counts;
    }

    /// <summary>The counts once background work (the outbox, subscribers) has settled: two reads in a row agree.</summary>
    public static async Task<Dictionary<string, int>> SettledCountsAsync(CrmAppFactory app)
    {
        var last = await CountRowsAsync(app);
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(200);
            var now = await CountRowsAsync(app);
            if (now.SequenceEqual(last)) return now;
            last = now;
        }
        return last;
    }
}
