using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Workflows;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// A run waiting on a durable delay when its process is killed with SIGKILL (the app as a real child process): a new
/// process on the same database fires the delay once, the step after it runs once and the run completes (ADR 051).
/// </summary>
public sealed class DelayAcrossSigkillTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "salescrm-tests", "sigkill-delay-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_run_waiting_on_a_delay_when_its_process_is_killed_completes_after_a_restart_and_the_step_after_the_delay_runs_once(string provider)
    {
        await using var postgres = provider == "Postgres" ? await SharedPostgresDatabase.CreateAsync() : null;
        Directory.CreateDirectory(_data);
        KeyValuePair<string, string?>[] settings = postgres is null
            ? [new("Database:Provider", "Sqlite"), new("Storage:DataPath", _data)]
            : [new("Database:Provider", "Postgres"), new("ConnectionStrings:Crm", postgres.ConnectionString), new("Storage:DataPath", _data)];

        var email = Api.UniqueEmail("sigkill");
        string runId, leadId;
        await using (var first = new ChildInstance([.. settings, new("Scale:Claims:Instance", "first")]))
        {
            await first.WaitLiveAsync(TimeSpan.FromSeconds(90));
            using var client = await RegisterAsync(first, email);
            var workflow = await (await client.PostAsJsonAsync("/api/v1/workflows", new
            {
                name = "Pausa durável",
                graph = WorkflowGraphs.Line(("wait", "delay", new { duration = "PT8S" }), ("note", "add_note", new { text = "depois da pausa" })),
            })).ExpectAsync(HttpStatusCode.Created);
            var workflowId = (string)workflow["id"]!;
            await (await client.PostAsync($"/api/v1/workflows/{workflowId}/publish", null)).ExpectAsync(HttpStatusCode.OK);
            leadId = (string)(await (await client.PostAsJsonAsync("/api/v1/leads", new { name = "Durável" })).ExpectAsync(HttpStatusCode.Created))["id"]!;
            var queued = await (await client.PostAsJsonAsync($"/api/v1/workflows/{workflowId}/run", new { lead_id = leadId })).ExpectAsync(HttpStatusCode.Accepted);
            var queue = await PollAsync(client, $"/api/v1/workflow-queue?id=eq.{queued["queue_item_id"]}", q => q["items"]!.AsArray().FirstOrDefault()?["run_id"] is not null);
            runId = (string)queue["items"]![0]!["run_id"]!;
            await PollAsync(client, $"/api/v1/workflow-runs/{runId}", r => (string?)r["status"] == "waiting");
            first.Kill();
            // Killed while waiting: nothing after the delay had run.
        }

        await using var second = new ChildInstance([.. settings, new("Scale:Claims:Instance", "second")]);
        await second.WaitLiveAsync(TimeSpan.FromSeconds(90));
        using var again = await LoginAsync(second, email);
        var run = await PollAsync(again, $"/api/v1/workflow-runs/{runId}", r => (string?)r["status"] is "completed" or "failed", seconds: 90);
        Assert.Equal("completed", (string?)run["status"]);
        Assert.Equal(["start", "wait", "note"], WorkflowGraphs.StepNodes(run));
        var notes = await again.GetFromJsonAsync<JsonNode>($"/api/v1/leads/{leadId}/interactions?type=note");
        Assert.Equal(1, (int)notes!["total"]!);
    }

    private static async Task<HttpClient> RegisterAsync(ChildInstance instance, string email)
    {
        var client = instance.CreateClient();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Api.Password, name = "Dona", tenant_name = "Pausa SA" })).ExpectAsync(HttpStatusCode.Created);
        return client.WithBearer((string)body["access_token"]!);
    }

    private static async Task<HttpClient> LoginAsync(ChildInstance instance, string email)
    {
        var client = instance.CreateClient();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Api.Password })).ExpectAsync(HttpStatusCode.OK);
        return client.WithBearer((string)body["access_token"]!);
    }

    private static async Task<JsonNode> PollAsync(HttpClient client, string url, Func<JsonNode, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var body = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            if (done(body)) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url}: {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
