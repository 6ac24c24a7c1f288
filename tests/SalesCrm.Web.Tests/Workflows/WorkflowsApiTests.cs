using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Workflows;

public abstract class WorkflowsApiTests(CrmAppFactory app)
{
    private static object Node(string id, string type, object settings, int x = 0) => new { id, type, settings, position = new { x, y = 40 } };

    /// <summary>Meta lead → tag it: valid, publishable.</summary>
    private static object TagGraph(string tag = "meta") => new
    {
        nodes = new[]
        {
            Node("start", "trigger", new { kind = "event", event_type = "lead.created", filter = "source=eq.meta_ads" }),
            Node("tag", "add_tag", new { tag }, 240),
        },
        edges = new[] { new { source = "start", source_port = "next", target = "tag" } },
    };

    private static async Task<JsonNode> CreateAsync(Session owner, object graph, string name = "Boas-vindas Meta") =>
        await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name, description = "Marca leads do Meta", graph })).ExpectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_draft_with_problems_is_saved_with_them_and_publishing_it_is_a_400_naming_each_node()
    {
        var owner = await app.RegisterAsync();
        var graph = new
        {
            nodes = new[] { Node("start", "trigger", new { kind = "schedule", cron = "0 9 * * MON" }), Node("tag", "add_tag", new { }), Node("lost", "end", new { }) },
            edges = new[] { new { source = "start", source_port = "next", target = "tag" }, new { source = "tag", source_port = "next", target = "ghost" } },
        };
        var draft = await CreateAsync(owner, graph);
        Assert.False((bool)draft["active"]!);
        Assert.Equal(0, (int)draft["version"]!);
        var saved = draft["problems"]!.AsArray().Select(p => $"{p!["node_id"]}:{p["code"]}").Order().ToList();
        Assert.Equal(["lost:unreachable_node", "start:invalid_setting", "tag:dangling_edge", "tag:missing_setting"], saved);

        var refused = await (await owner.Client.PostAsync($"/api/v1/workflows/{draft["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.BadRequest, "WORKFLOW_INVALID");
        var problems = refused["problems"]!.AsArray();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => (string?)p!["node_id"] == "tag" && (string?)p["code"] == "missing_setting" && ((string?)p["message"])!.Contains("'tag'"));
        Assert.Contains("Quartz cron", (string?)refused["errors"]!["nodes.start"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/workflows/{draft["id"]}/versions"))["total"]!);
    }

    [Fact]
    public async Task Publishing_makes_an_immutable_version_that_later_draft_edits_leave_alone()
    {
        var owner = await app.RegisterAsync();
        var draft = await CreateAsync(owner, TagGraph("meta"));
        Assert.Empty(draft["problems"]!.AsArray());
        var id = (string)draft["id"]!;

        var published = await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)published["version"]!);
        Assert.True((bool)published["active"]!);
        Assert.False((bool)published["has_unpublished_changes"]!);

        var edited = await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = TagGraph("edited") })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)edited["has_unpublished_changes"]!);
        Assert.Equal(1, (int)edited["version"]!);
        var v1 = (await owner.GetJsonAsync($"/api/v1/workflows/{id}/versions"))["items"]!.AsArray().Single()!;
        Assert.Equal(1, (int)v1["version"]!);
        Assert.Equal("meta", (string?)v1["graph"]!["nodes"]![1]!["settings"]!["tag"]);
        Assert.Equal("edited", (string?)(await owner.GetJsonAsync($"/api/v1/workflows/{id}"))["graph"]!["nodes"]![1]!["settings"]!["tag"]);

        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        var versions = (await owner.GetJsonAsync($"/api/v1/workflows/{id}/versions"))["items"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("meta", (string?)versions[1]!["graph"]!["nodes"]![1]!["settings"]!["tag"]);
        Assert.Equal("edited", (string?)versions[0]!["graph"]!["nodes"]![1]!["settings"]!["tag"]);
        // Each version says what it changed from the one before; the first has nothing before it.
        var changes = versions[0]!["changes"]!;
        Assert.Equal(["tag"], changes["nodes_changed"]!.AsArray().Select(n => (string)n!));
        Assert.Equal((0, 0, 0), (changes["nodes_added"]!.AsArray().Count, (int)changes["edges_added"]!, (int)changes["nodes_moved"]!));
        Assert.Null(versions[1]!["changes"]);
    }

    [Fact]
    public async Task A_save_naming_a_stale_revision_is_refused_with_409_and_does_not_overwrite_the_save_in_between()
    {
        var owner = await app.RegisterAsync();
        var created = await CreateAsync(owner, TagGraph("a"));
        var id = (string)created["id"]!;
        var revision = (int)created["revision"]!;

        var first = await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = TagGraph("first"), expected_revision = revision })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(revision + 1, (int)first["revision"]!);
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = TagGraph("second"), expected_revision = revision }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "WORKFLOW_CHANGED");
        Assert.Equal("first", (string?)(await owner.GetJsonAsync($"/api/v1/workflows/{id}"))["graph"]!["nodes"]![1]!["settings"]!["tag"]);

        // Without expected_revision the last save wins, as before.
        var overwritten = await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = TagGraph("third") })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(revision + 2, (int)overwritten["revision"]!);
    }

    [Fact]
    public async Task A_workflow_is_switched_on_only_after_it_was_published()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await CreateAsync(owner, TagGraph()))["id"]!;
        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { active = true })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        var paused = await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { active = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)paused["active"]!);
        Assert.Equal(1, (int)paused["version"]!);
        var list = (await owner.GetJsonAsync("/api/v1/workflows"))["items"]!.AsArray();
        Assert.Equal(id, (string?)Assert.Single(list)!["id"]);
    }

    [Fact]
    public async Task An_export_imported_again_exports_the_same_document()
    {
        var owner = await app.RegisterAsync();
        var graph = new
        {
            nodes = new[]
            {
                Node("start", "trigger", new { kind = "inbound_message", keywords = new[] { "orçamento", "preço" } }),
                Node("ask", "ask_whatsapp", new { question = "Qual o valor da sua conta de luz?", answer_type = "number", store_to = "lead.custom.conta_luz", max_attempts = 2 }, 200),
                Node("check", "condition", new { field = "lead.custom.conta_luz", @operator = "gte", value = 300.5 }, 400),
                Node("hand", "handoff", new { rule = "round_robin", message = "Um consultor vai falar com você." }, 600),
                Node("end", "end", new { }, 800),
            },
            edges = new[]
            {
                new { source = "start", source_port = "next", target = "ask" }, new { source = "ask", source_port = "answered", target = "check" },
                new { source = "check", source_port = "true", target = "hand" }, new { source = "check", source_port = "false", target = "end" },
                new { source = "hand", source_port = "next", target = "end" },
            },
        };
        var id = (string)(await CreateAsync(owner, graph, "Qualificação WhatsApp"))["id"]!;
        var export = await owner.GetJsonAsync($"/api/v1/workflows/{id}/export");
        Assert.Equal("salescrm.workflow", (string?)export["format"]);
        Assert.Equal(1, (int)export["format_version"]!);

        var other = await app.RegisterAsync();
        var imported = await (await other.Client.PostAsync("/api/v1/workflows/import", new StringContent(export.ToJsonString(), Encoding.UTF8, "application/json"))).ExpectAsync(HttpStatusCode.Created);
        Assert.NotEqual(id, (string?)imported["id"]);
        Assert.Empty(imported["problems"]!.AsArray());
        var again = await other.GetJsonAsync($"/api/v1/workflows/{imported["id"]}/export");
        Assert.Equal(export.ToJsonString(), again.ToJsonString());
        Assert.Equal(300.5, (double)again["graph"]!["nodes"]![2]!["settings"]!["value"]!);
        Assert.Equal(400, (double)again["graph"]!["nodes"]![2]!["position"]!["x"]!);
    }

    [Fact]
    public async Task A_stage_member_or_workflow_of_another_workspace_is_an_unknown_reference_that_blocks_publishing()
    {
        var owner = await app.RegisterAsync();
        var stageId = (string)(await owner.CreateLeadAsync(new { name = "Stage source" }))["stage_id"]!;
        var graph = new
        {
            nodes = new[]
            {
                Node("start", "trigger", new { kind = "manual" }),
                Node("move", "move_stage", new { stage_id = stageId }, 200),
                Node("give", "assign", new { mode = "user", user_id = owner.UserId }, 400),
            },
            edges = new[] { new { source = "start", source_port = "next", target = "move" }, new { source = "move", source_port = "next", target = "give" } },
        };
        var mine = await CreateAsync(owner, graph);
        Assert.Empty(mine["problems"]!.AsArray());
        var self = await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{mine["id"]}", new
        {
            graph = new { nodes = new[] { Node("start", "trigger", new { kind = "manual" }), Node("again", "call_workflow", new { workflow_id = mine["id"] }) },
                edges = new[] { new { source = "start", source_port = "next", target = "again" } } },
        })).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("cannot call itself", (string?)Assert.Single(self["problems"]!.AsArray())!["message"]);

        var other = await app.RegisterAsync();
        var imported = await (await other.Client.PostAsJsonAsync("/api/v1/workflows/import", new { name = "Importado", graph })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(["give:unknown_reference", "move:unknown_reference"],
            imported["problems"]!.AsArray().Select(p => $"{p!["node_id"]}:{p["code"]}").Order());
        var refused = await (await other.Client.PostAsync($"/api/v1/workflows/{imported["id"]}/publish", null)).ExpectProblemAsync(HttpStatusCode.BadRequest, "WORKFLOW_INVALID");
        Assert.Contains(stageId, (string?)refused["errors"]!["nodes.move"]![0]);
    }

    [Fact]
    public async Task Another_workspace_s_workflow_is_not_found()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await CreateAsync(owner, TagGraph()))["id"]!;
        var other = await app.RegisterAsync();
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/workflows"))["total"]!);
        await (await other.Client.GetAsync($"/api/v1/workflows/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { name = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.GetAsync($"/api/v1/workflows/{id}/versions")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.GetAsync($"/api/v1/workflows/{id}/export")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.DeleteAsync($"/api/v1/workflows/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await owner.GetJsonAsync($"/api/v1/workflows/{id}");
        await (await owner.Client.DeleteAsync($"/api/v1/workflows/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/api/v1/workflows/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task The_workflow_list_pages_filters_and_orders_like_every_other_list()
    {
        var owner = await app.RegisterAsync();
        foreach (var name in new[] { "Cobrança", "Boas-vindas", "Aniversário" }) await CreateAsync(owner, TagGraph(), name);
        var active = (string)(await CreateAsync(owner, TagGraph(), "Qualificação"))["id"]!;
        await (await owner.Client.PostAsync($"/api/v1/workflows/{active}/publish", null)).ExpectAsync(HttpStatusCode.OK);

        var page = await owner.GetJsonAsync("/api/v1/workflows?limit=2&offset=1");
        Assert.Equal(4, (int)page["total"]!);
        Assert.Equal(["Boas-vindas", "Cobrança"], page["items"]!.AsArray().Select(w => (string)w!["name"]!));
        var on = await owner.GetJsonAsync("/api/v1/workflows?active=eq.true");
        Assert.Equal([active], on["items"]!.AsArray().Select(w => (string)w!["id"]!));
        var ordered = await owner.GetJsonAsync("/api/v1/workflows?order=name.desc&select=name");
        Assert.Equal(["Qualificação", "Cobrança", "Boas-vindas", "Aniversário"], ordered["items"]!.AsArray().Select(w => (string)w!["name"]!));
        Assert.Single(ordered["items"]![0]!.AsObject());

        var bad = await (await owner.Client.GetAsync("/api/v1/workflows?colour=eq.red")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["colour"]);
        await (await owner.Client.GetAsync("/api/v1/workflows?active=eq.maybe")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.GetAsync("/api/v1/workflows?limit=many")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Managers_manage_workflows_and_sales_reps_get_403()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync("/api/v1/workflows")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.GetAsync("/api/v1/workflow-node-types")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "x", graph = TagGraph() })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var manager = await owner.AddMemberAsync("manager");
        var id = (string)(await CreateAsync(manager, TagGraph()))["id"]!;
        await (await manager.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_node_catalog_lists_every_type_with_its_ports_and_settings_schema()
    {
        var owner = await app.RegisterAsync();
        var types = (await owner.GetJsonAsync("/api/v1/workflow-node-types"))["items"]!.AsArray();
        var condition = types.Single(t => (string?)t!["type"] == "condition")!;
        Assert.Equal("logic", (string?)condition["kind"]);
        Assert.Equal(["true", "false"], condition["ports"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["field", "operator", "value"], condition["schema"]!["required"]!.AsArray().Select(p => (string?)p));
        var trigger = types.Single(t => (string?)t!["type"] == "trigger")!;
        Assert.Equal(["event", "schedule", "manual", "webhook", "inbound_message"], trigger["schema"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(p => (string?)p));
        Assert.Contains("lead.created", trigger["schema"]!["properties"]!["event_type"]!["examples"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["answered", "timeout", "invalid"], types.Single(t => (string?)t!["type"] == "ask_whatsapp")!["ports"]!.AsArray().Select(p => (string?)p));
        Assert.Empty(types.Single(t => (string?)t!["type"] == "end")!["ports"]!.AsArray());
    }

    [Fact]
    public async Task A_graph_of_the_wrong_shape_is_a_400_naming_the_field()
    {
        var owner = await app.RegisterAsync();
        async Task<JsonNode> PostAsync(string body) => await (await owner.Client.PostAsync("/api/v1/workflows", new StringContent(body, Encoding.UTF8, "application/json")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var notList = await PostAsync("""{"name": "x", "graph": {"nodes": {"id": "a"}}}""");
        Assert.NotNull(notList["errors"]!["graph.nodes"]);
        var noId = await PostAsync("""{"name": "x", "graph": {"nodes": [{"type": "end"}], "edges": [{"source": "a", "target": "b"}]}}""");
        Assert.NotNull(noId["errors"]!["graph.nodes[0].id"]);
        Assert.NotNull(noId["errors"]!["graph.edges[0].source_port"]);
        var settings = await PostAsync("""{"name": "x", "graph": {"nodes": [{"id": "a", "type": "end", "settings": [1]}]}}""");
        Assert.NotNull(settings["errors"]!["graph.nodes[0].settings"]);
        var position = await PostAsync("""{"name": "x", "graph": {"nodes": [{"id": "a", "type": "end", "position": {"x": "left"}}]}}""");
        Assert.True(position["errors"]!.AsObject().Any(e => e.Key.StartsWith("graph.nodes", StringComparison.Ordinal)), position.ToJsonString());
        var noName = await PostAsync("""{"graph": {"nodes": []}}""");
        Assert.NotNull(noName["errors"]!["name"]);
        var truncated = await PostAsync("""{"name": "x", "graph": {"nodes": [""");
        Assert.NotNull(truncated["errors"]!["body"]);
        var import = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows/import", new { format = "n8n", name = "x", graph = TagGraph() })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(import["errors"]!["format"]);
    }

    [Fact]
    public async Task The_workflow_endpoints_are_in_the_openapi_document()
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/workflows", "/api/v1/workflows/{id}", "/api/v1/workflows/{id}/publish", "/api/v1/workflows/{id}/versions",
                     "/api/v1/workflows/{id}/export", "/api/v1/workflows/import", "/api/v1/workflow-node-types" })
            Assert.True(paths.ContainsKey(path), path);
        Assert.NotNull(paths["/api/v1/workflows/{id}"]!["put"]);
        Assert.NotNull(paths["/api/v1/workflows/{id}"]!["delete"]);
    }
}

public sealed class WorkflowsApiTestsOnSqlite(SqliteApp app) : WorkflowsApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowsApiTestsOnPostgres(PostgresApp app) : WorkflowsApiTests(app), IClassFixture<PostgresApp>;
