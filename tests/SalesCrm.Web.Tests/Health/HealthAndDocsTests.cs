using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using static SalesCrm.Web.Tests.Workflows.WorkflowGraphs;

namespace SalesCrm.Web.Tests.Health;

public abstract class HealthAndDocsTests(CrmAppFactory app)
{
    [Fact]
    public async Task Liveness_and_readiness_report_json_component_status()
    {
        var client = app.CreateClient();
        var live = await (await client.GetAsync("/health")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)live["status"]);
        var ready = await (await client.GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string?)ready["components"]!["database"]!["status"]);
    }

    [Fact]
    public async Task Readiness_reports_the_workflow_queue_and_the_runs_due_with_their_oldest_age()
    {
        var owner = await app.RegisterAsync();
        var workflowId = Guid.Parse(await owner.PublishAsync(Line(("tag", "add_tag", new { tag = "x" })), "Backlog"));
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            // Claimed by an instance that is gone until tomorrow: due, but no worker here takes them meanwhile.
            db.WorkflowQueue.Add(new WorkflowQueueItem
            {
                TenantId = owner.TenantId, WorkflowId = workflowId, CorrelationId = Guid.NewGuid(), TriggerKind = "manual", CreatedAt = now.AddHours(-2),
                ClaimedBy = "gone", LeaseUntil = now.AddDays(1),
            });
            db.WorkflowRuns.Add(new WorkflowRun
            {
                TenantId = owner.TenantId, WorkflowId = workflowId, Version = 1, CorrelationId = Guid.NewGuid(), TriggerKind = "manual", CurrentNode = "tag",
                Status = "waiting", SubStatus = "delay", StartedAt = now.AddHours(-3), WaitUntil = now.AddHours(-2), ClaimedBy = "gone", LeaseUntil = now.AddDays(1),
            });
            await db.SaveChangesAsync();
        }
        var ready = await (await app.CreateClient().GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        var backlog = ready["components"]!["backlog"]!["data"]!;
        foreach (var name in new[] { "workflow_queue", "workflow_runs" })
        {
            Assert.True((int)backlog[name]!["pending"]! >= 1, backlog.ToJsonString());
            // At least the two hours since it was queued / its delay ended.
            Assert.True((double)backlog[name]!["oldest_pending_age_seconds"]! >= 7000, backlog.ToJsonString());
        }
    }

    [Fact]
    public async Task The_openapi_document_and_reference_are_served()
    {
        var client = app.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/me", "/api/v1/roles", "/api/v1/members", "/api/v1/api-keys", "/api/v1/audit-logs" })
            Assert.True(paths.ContainsKey(path), $"{path} missing from OpenAPI");
        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_docs_page_loads_its_assets_from_the_app_and_turns_off_what_would_reach_the_vendor()
    {
        var client = app.CreateClient();
        var html = await (await client.GetAsync("/docs/")).Content.ReadAsStringAsync();
        var urls = Regex.Matches(html, @"(?:src|href)=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(urls);
        Assert.DoesNotMatch(@"https?://", html); // no CDN script, stylesheet or font
        foreach (var url in urls)
        {
            var asset = await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), url));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url}: {(int)asset.StatusCode}");
        }
        var module = await (await client.GetAsync("/docs/scalar.aspnetcore.js")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"https?://", module);

        // Scalar's web fonts (fonts.scalar.com), its "deploy / generate SDK" toolbar, AI agent and MCP are off.
        var config = JsonNode.Parse(Regex.Match(html, @"initialize\(\s*'[^']*',\s*\w+,\s*(\{.*\}),\s*'", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.False((bool)config["withDefaultFonts"]!);
        Assert.Equal("never", (string?)config["showDeveloperTools"]);
        Assert.True((bool)config["agent"]!["disabled"]!);
        Assert.True((bool)config["mcp"]!["disabled"]!);
    }

    [Fact]
    public async Task The_favicon_is_a_real_icon()
    {
        var response = await app.CreateClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // ICO header
        Assert.True(bytes[4] >= 2, "several sizes");
    }

    [Fact]
    public async Task The_openapi_document_declares_bearer_and_api_key_security_and_the_list_parameters_once()
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var schemes = doc["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string?)schemes["Bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["Bearer"]!["scheme"]);
        Assert.Equal("apiKey", (string?)schemes["ApiKey"]!["type"]);
        Assert.Equal("header", (string?)schemes["ApiKey"]!["in"]);
        Assert.Equal("X-Api-Key", (string?)schemes["ApiKey"]!["name"]);

        var listLeads = doc["paths"]!["/api/v1/leads"]!["get"]!;
        var security = listLeads["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();
        Assert.Equal(["Bearer", "ApiKey"], security);
        Assert.Null(doc["paths"]!["/api/v1/auth/token"]!["post"]!["security"]); // signing in needs no credentials

        var parameters = doc["components"]!["parameters"]!;
        Assert.Contains("ilike", (string?)parameters["Filters"]!["description"]);
        Assert.Contains("or=(", (string?)parameters["Filters"]!["description"]);
        Assert.Equal("q", (string?)parameters["Search"]!["name"]);
        foreach (var path in new[] { "/api/v1/leads", "/api/v1/events", "/rest/v1/leads", "/rest/v1/events", "/rest/v1/activities", "/rest/v1/interactions", "/rest/v1/pipelines", "/rest/v1/stages" })
        {
            var refs = doc["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["$ref"]).ToList();
            foreach (var name in new[] { "Filters", "Order", "Limit", "Offset", "Select" })
                Assert.Contains($"#/components/parameters/{name}", refs);
            Assert.Contains("Filterable and sortable fields", (string?)doc["paths"]![path]!["get"]!["description"]);
        }
        Assert.Contains("`utm_campaign`", (string?)listLeads["description"]);
        Assert.Contains("#/components/parameters/Search", listLeads["parameters"]!.AsArray().Select(p => (string?)p!["$ref"]));
    }
}

public sealed class HealthAndDocsTestsOnSqlite(SqliteApp app) : HealthAndDocsTests(app), IClassFixture<SqliteApp>;

public sealed class HealthAndDocsTestsOnPostgres(PostgresApp app) : HealthAndDocsTests(app), IClassFixture<PostgresApp>;
