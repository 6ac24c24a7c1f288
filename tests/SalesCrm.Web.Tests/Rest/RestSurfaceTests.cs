using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Rest;

/// <summary>The PostgREST-compatible /rest/v1 read surface: PostgREST's answer shapes, with /api/v1's auth, tenancy and visibility.</summary>
public abstract class RestSurfaceTests(CrmAppFactory app)
{
    [Fact]
    public async Task Rows_come_as_a_bare_array_with_a_content_range_counted_only_when_asked()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < 3; i++) await owner.CreateLeadAsync(new { name = $"Lead {i}", value = i });

        var plain = await owner.Client.GetAsync("/rest/v1/leads?select=name&order=value.asc&limit=2");
        Assert.Equal(["Lead 0", "Lead 1"], (await plain.ExpectAsync(HttpStatusCode.OK)).AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal("0-1/*", plain.Content.Headers.GetValues("Content-Range").Single());

        var counted = await Send(owner, "/rest/v1/leads?select=name&order=value.asc&offset=1&limit=5", ("Prefer", "count=exact"));
        Assert.Equal(2, (await counted.ExpectAsync(HttpStatusCode.OK)).AsArray().Count);
        Assert.Equal("1-2/3", counted.Content.Headers.GetValues("Content-Range").Single());

        var ranged = await Send(owner, "/rest/v1/leads?select=name&order=value.asc", ("Range", "2-10"), ("Prefer", "count=exact"));
        Assert.Equal(["Lead 2"], (await ranged.ExpectAsync(HttpStatusCode.OK)).AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal("2-2/3", ranged.Content.Headers.GetValues("Content-Range").Single());

        var none = await Send(owner, "/rest/v1/leads?name=eq.nobody", ("Prefer", "count=exact"));
        Assert.Empty((await none.ExpectAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal("*/0", none.Content.Headers.GetValues("Content-Range").Single());

        // A counted page past the last row is not satisfiable, as in PostgREST; at the end, or uncounted, it is empty.
        foreach (var beyond in new[] { Send(owner, "/rest/v1/leads", ("Range", "1000-1009"), ("Prefer", "count=exact")), Send(owner, "/rest/v1/leads?offset=4&limit=2", ("Prefer", "count=exact")) })
        {
            var response = await beyond;
            await response.ExpectProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable, "RANGE_NOT_SATISFIABLE");
            Assert.Equal("*/3", response.Content.Headers.GetValues("Content-Range").Single());
        }
        var atEnd = await Send(owner, "/rest/v1/leads?offset=3&limit=2", ("Prefer", "count=exact"));
        Assert.Empty((await atEnd.ExpectAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal("*/3", atEnd.Content.Headers.GetValues("Content-Range").Single());
        var uncounted = await Send(owner, "/rest/v1/leads", ("Range", "1000-1009"));
        Assert.Empty((await uncounted.ExpectAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal("*/*", uncounted.Content.Headers.GetValues("Content-Range").Single());

        // limit=0: no rows, only the count (postgrest-js { count: 'exact' } with .limit(0)); filters are still checked.
        var countOnly = await Send(owner, "/rest/v1/leads?limit=0&value=gte.1", ("Prefer", "count=exact"));
        Assert.Empty((await countOnly.ExpectAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal("*/2", countOnly.Content.Headers.GetValues("Content-Range").Single());
        await (await Send(owner, "/rest/v1/leads?limit=0&nope=eq.1")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await Send(owner, "/rest/v1/leads?limit=-1")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var envelope = await Send(owner, "/api/v1/leads?limit=2&order=value.asc", ("Prefer", "count=exact"));
        Assert.Equal(3, (int)(await envelope.ExpectAsync(HttpStatusCode.OK))["total"]!);
        Assert.Equal("0-1/3", envelope.Content.Headers.GetValues("Content-Range").Single());
    }

    [Fact]
    public async Task The_object_media_type_answers_one_row_or_406()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Única" });
        await owner.CreateLeadAsync(new { name = "Outra" });
        const string media = "application/vnd.pgrst.object+json";

        var one = await Send(owner, "/rest/v1/leads?name=eq.Única&select=name", ("Accept", media));
        Assert.Equal("Única", (string?)(await one.ExpectAsync(HttpStatusCode.OK))["name"]);
        Assert.StartsWith(media, one.Content.Headers.ContentType!.ToString());
        await (await Send(owner, "/rest/v1/leads", ("Accept", media))).ExpectProblemAsync(HttpStatusCode.NotAcceptable, "NOT_EXACTLY_ONE_ROW");
        var none = await Send(owner, "/rest/v1/leads?name=eq.ninguém", ("Accept", media));
        await none.ExpectProblemAsync(HttpStatusCode.NotAcceptable, "NOT_EXACTLY_ONE_ROW");
        // A refusal describes no rows: no Content-Range claiming a range it did not return.
        Assert.False(none.Content.Headers.Contains("Content-Range"));
        Assert.False((await Send(owner, "/rest/v1/leads", ("Accept", media))).Content.Headers.Contains("Content-Range"));
        Assert.Equal("0-0/*", one.Content.Headers.GetValues("Content-Range").Single());
    }

    [Fact]
    public async Task Q_searches_leads_as_on_the_api_and_is_a_400_where_it_cannot_apply()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Padaria São João" });
        await owner.CreateLeadAsync(new { name = "Outra" });
        Assert.Equal(["Padaria São João"], (await owner.GetJsonAsync("/rest/v1/leads?q=sao%20joao&select=name")).AsArray().Select(l => (string?)l!["name"]));
        Assert.Empty((await owner.GetJsonAsync("/rest/v1/leads?q=zzzz")).AsArray());
        await (await Send(owner, "/rest/v1/activities?q=ligar")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_media_type_the_surface_cannot_produce_is_406_and_json_ones_are_served()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Formato" });
        await (await Send(owner, "/rest/v1/leads", ("Accept", "text/csv"))).ExpectProblemAsync(HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
        await (await Send(owner, "/rest/v1/leads", ("Accept", "application/xml"))).ExpectProblemAsync(HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE");
        foreach (var accept in new[] { "application/json", "*/*", "text/csv, application/json;q=0.5", "application/vnd.pgrst.array+json" })
            Assert.Single((await (await Send(owner, "/rest/v1/leads", ("Accept", accept))).ExpectAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Every_resource_is_listed_with_the_grammar()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Recurso" });
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/interactions", new { type = "call", text = "Liguei", duration_seconds = 60 })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = lead["id"], type = "call", title = "Retornar", due_at = DateTime.UtcNow.AddDays(1) })).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Liguei", (string?)(await owner.GetJsonAsync($"/rest/v1/interactions?lead_id=eq.{lead["id"]}&type=eq.call"))[0]!["text"]);
        Assert.Equal("Retornar", (string?)(await owner.GetJsonAsync("/rest/v1/activities?title=ilike.RETORN*&done=eq.false"))[0]!["title"]);
        Assert.Single((await owner.GetJsonAsync("/rest/v1/activities?done=is.false")).AsArray());
        Assert.Empty((await owner.GetJsonAsync("/rest/v1/activities?done=is.true")).AsArray());
        Assert.Equal("Perdido", (string?)(await owner.GetJsonAsync("/rest/v1/stages?kind=eq.lost&select=name"))[0]!["name"]);
        Assert.True((await owner.GetJsonAsync("/rest/v1/pipelines?is_default=eq.true"))[0]!["stages"]!.AsArray().Count > 0);
        Assert.Equal((string?)lead["id"], (string?)(await owner.GetJsonAsync("/rest/v1/events?type=eq.lead.created"))[0]!["lead_id"]);
    }

    [Theory]
    [InlineData("leads")]
    [InlineData("activities")]
    [InlineData("interactions")]
    [InlineData("events")]
    [InlineData("pipelines")]
    [InlineData("stages")]
    public async Task Every_scalar_column_a_resource_returns_can_order_and_filter_it(string resource)
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Colunas", value = 10, tags = new[] { "a" } });
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/interactions", new { type = "note", text = "Nota" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = lead["id"], type = "call", title = "Ligar", due_at = DateTime.UtcNow.AddDays(1) })).ExpectAsync(HttpStatusCode.Created);
        var row = (await owner.GetJsonAsync($"/rest/v1/{resource}?limit=1"))[0]!.AsObject();
        var refused = new List<string>();
        foreach (var (returned, value) in row)
        {
            if (value is JsonArray or JsonObject) continue;
            // PostgREST reserves the order parameter: a column named order is sorted and filtered as position.
            var column = returned == "order" ? "position" : returned;
            foreach (var url in new[] { $"/rest/v1/{resource}?order={column}.desc", $"/rest/v1/{resource}?{column}=is.null" })
            {
                var response = await owner.Client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) continue;
                // A column computed at read time is a 400 that names the stored column to use, and that one works.
                var problem = await response.Content.ReadAsStringAsync();
                var instead = System.Text.RegularExpressions.Regex.Match(problem, @"computed when rows are read and cannot be \w+ on: use ([a-z_]+)");
                if (response.StatusCode == HttpStatusCode.BadRequest && instead.Success
                    && (await owner.Client.GetAsync($"/rest/v1/{resource}?order={instead.Groups[1].Value}.desc")).StatusCode == HttpStatusCode.OK) continue;
                refused.Add($"{url} → {(int)response.StatusCode} {problem}");
            }
        }
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [Fact]
    public async Task Text_and_id_columns_take_gt_and_lt_so_keyset_pagination_works_as_in_postgrest()
    {
        var owner = await app.RegisterAsync();
        for (var i = 1; i <= 5; i++) await owner.CreateLeadAsync(new { name = $"Lote 0{i}" });
        Assert.Equal(["Lote 03", "Lote 04"], (await owner.GetJsonAsync("/rest/v1/leads?name=gt.Lote%2002&name=lte.Lote%2004&order=name&select=name")).AsArray().Select(l => (string?)l!["name"]));
        Assert.Equal(["Lote 01"], (await owner.GetJsonAsync("/api/v1/leads?name=lt.Lote%2002&select=name"))["items"]!.AsArray().Select(l => (string?)l!["name"]));

        // Page through by id: each page starts after the last id of the one before; together they are every lead, once.
        var seen = new List<string>();
        var page = (await owner.GetJsonAsync("/rest/v1/leads?order=id&limit=2&select=id")).AsArray();
        while (page.Count > 0)
        {
            seen.AddRange(page.Select(l => (string)l!["id"]!));
            page = (await owner.GetJsonAsync($"/rest/v1/leads?order=id&limit=2&select=id&id=gt.{seen[^1]}")).AsArray();
        }
        var all = (await owner.GetJsonAsync("/rest/v1/leads?order=id&select=id")).AsArray().Select(l => (string)l!["id"]!).ToList();
        Assert.Equal(all, seen);
        Assert.Equal(5, seen.Count);
        await (await Send(owner, "/rest/v1/leads?status=gt.open")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Stages_and_pipelines_sort_and_filter_by_position_since_order_is_the_sort_parameter()
    {
        var owner = await app.RegisterAsync();
        var stages = (await owner.GetJsonAsync("/rest/v1/stages?order=position.desc&select=name,order")).AsArray();
        Assert.Equal(stages.Select(s => (int)s!["order"]!).OrderDescending(), stages.Select(s => (int)s!["order"]!));
        Assert.True(stages.Count > 2);
        var later = (await owner.GetJsonAsync("/rest/v1/stages?position=gt.1&order=position")).AsArray();
        Assert.All(later, s => Assert.True((int)s!["order"]! > 1));
        Assert.Equal(stages.Count(s => (int)s!["order"]! > 1), later.Count);
        Assert.Single((await owner.GetJsonAsync("/rest/v1/pipelines?order=position")).AsArray());
    }

    [Theory]
    [InlineData("/rest/v1/leads")]
    [InlineData("/api/v1/leads")]
    public async Task A_browser_preflight_is_answered_without_credentials_and_scripts_can_read_the_content_range(string path)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://dash.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, apikey, prefer, range");
        var answer = await app.CreateClient().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("apikey", answer.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));

        var owner = await app.RegisterAsync();
        var read = new HttpRequestMessage(HttpMethod.Get, path);
        read.Headers.Add("Origin", "https://dash.example.com");
        var response = await owner.Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Content-Range", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Origin", "https://dash.example.com");
        Assert.False((await app.CreateClient().SendAsync(page)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_api_key_reads_its_own_workspace_and_an_anonymous_call_is_401()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Do dono" });
        var stranger = await app.RegisterAsync();
        await stranger.CreateLeadAsync(new { name = "De outro espaço" });
        var key = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "bi", scopes = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (string)key["key"]!);

        var rows = await (await client.GetAsync("/rest/v1/leads?select=name")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Do dono"], rows.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/rest/v1/leads")).StatusCode);
    }

    [Fact]
    public async Task A_rep_who_sees_only_own_leads_reads_only_those_and_their_activities_and_interactions()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var mine = await owner.CreateLeadAsync(new { name = "Do rep" });
        var theirs = await owner.CreateLeadAsync(new { name = "Do dono" });
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{mine["id"]}/assign", new { owner_id = rep.UserId })).ExpectAsync(HttpStatusCode.OK);
        foreach (var lead in new[] { mine, theirs })
        {
            await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/interactions", new { type = "note", text = $"nota {lead["name"]}" })).ExpectAsync(HttpStatusCode.Created);
            await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = lead["id"], type = "task", title = $"tarefa {lead["name"]}", due_at = DateTime.UtcNow.AddDays(1) })).ExpectAsync(HttpStatusCode.Created);
        }

        Assert.Equal(["Do rep"], Strings(await rep.GetJsonAsync("/rest/v1/leads?select=name"), "name"));
        Assert.Equal(["Do rep"], Strings(await rep.GetJsonAsync("/rest/v1/leads?or=(name.eq.Do rep,name.eq.Do dono)&select=name"), "name"));
        Assert.Equal(["nota Do rep"], Strings(await rep.GetJsonAsync("/rest/v1/interactions?type=eq.note"), "text"));
        Assert.Equal(["tarefa Do rep"], Strings(await rep.GetJsonAsync("/rest/v1/activities"), "title"));
        await (await Send(rep, $"/rest/v1/leads?id=eq.{theirs["id"]}", ("Accept", "application/vnd.pgrst.object+json"))).ExpectProblemAsync(HttpStatusCode.NotAcceptable, "NOT_EXACTLY_ONE_ROW");
    }

    private static string[] Strings(JsonNode rows, string field) => rows.AsArray().Select(r => (string)r![field]!).ToArray();

    private static Task<HttpResponseMessage> Send(Session session, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return session.Client.SendAsync(request);
    }
}

public sealed class RestSurfaceTestsOnSqlite(SqliteApp app) : RestSurfaceTests(app), IClassFixture<SqliteApp>;

public sealed class RestSurfaceTestsOnPostgres(PostgresApp app) : RestSurfaceTests(app), IClassFixture<PostgresApp>;
