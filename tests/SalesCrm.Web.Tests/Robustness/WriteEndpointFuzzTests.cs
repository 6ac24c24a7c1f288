using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Robustness;

/// <summary>
/// Sends every kind of malformed input the issue-13 sweep found to every write endpoint of the OpenAPI document (real ids
/// of a seeded workspace in the path) and fails listing each answer of 5xx. SQLite only: it looks for unhandled input,
/// not provider behaviour (the provider-specific cases have their own tests on both databases).
/// </summary>
public sealed class WriteEndpointFuzzTests(FuzzApp app) : IClassFixture<FuzzApp>
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    [Fact]
    public async Task No_write_endpoint_answers_5xx_to_malformed_input()
    {
        var owner = await app.RegisterAsync();
        var ids = await SeedAsync(owner);
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var schemas = document["components"]?["schemas"]?.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => WriteMethods.Contains(m.Key)).Select(m => (Path: p.Key, Method: m.Key, Operation: m.Value!)))
            .OrderBy(o => o.Method == "delete") // deletes last, so the seeded records stay for the other endpoints
            .ToList();
        Assert.True(operations.Count > 30, $"Only {operations.Count} write operations found in the OpenAPI document.");

        var failures = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var url = FillPath(path, ids);
            var properties = BodyProperties(operation, schemas);
            foreach (var (name, content) in Cases(properties))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = content() };
                request.Headers.Authorization = owner.Client.DefaultRequestHeaders.Authorization;
                using var response = await app.CreateClient().SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    failures.Add($"{method.ToUpperInvariant()} {path} [{name}] → {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers of 5xx:\n" + string.Join("\n", failures));
    }

    /// <summary>The malformed bodies, each built fresh per request (content is consumed on send).</summary>
    private static IEnumerable<(string Name, Func<HttpContent> Content)> Cases(IReadOnlyDictionary<string, string> properties)
    {
        yield return ("bogus charset", () => Raw("{}", "application/json; charset=bogus"));
        yield return ("wrong content type", () => Raw("{}", "text/plain"));
        yield return ("no content type", () => new ByteArrayContent("{}"u8.ToArray()));
        yield return ("truncated json", () => Json("{\"name\": \"abc"));
        yield return ("invalid json", () => Json("{,]"));
        yield return ("json array instead of object", () => Json("[1,2]"));
        yield return ("deep nesting", () => Json("{\"name\":" + new string('[', 5000) + new string(']', 5000) + "}"));
        yield return ("null array items", () => Body(properties, type => type == "array" ? new JsonArray(null, null) : null));
        yield return ("huge numbers", () => Body(properties, type => type is "integer" or "number" ? JsonValue.Create(1e30) : null));
        yield return ("numbers past a long", () => Body(properties, type => type is "integer" or "number" ? JsonValue.Create(1e20m) : null));
        yield return ("huge integer literal", () => Json("{" + string.Join(",", properties.Where(p => p.Value is "integer" or "number").Select(p => $"\"{p.Key}\":123456789012345678901234567890")) + "}"));
        yield return ("huge strings", () => Body(properties, type => type == "string" ? JsonValue.Create(new string('x', 300_000)) : null));
        yield return ("NUL characters", () => Body(properties, type => type == "string" ? JsonValue.Create("a\u0000b") : type == "array" ? new JsonArray("a\u0000b") : null));
        yield return ("multipart without boundary", () => Raw("--x\r\n", "multipart/form-data"));
        yield return ("multipart with a 5000-character boundary", () => Raw("--x\r\n", "multipart/form-data; boundary=" + new string('b', 5000)));
        yield return ("truncated multipart", () => Raw("--abc\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nnote", "multipart/form-data; boundary=abc"));
        yield return ("multipart with a 20 KB part header", () => Raw($"--abc\r\nContent-Disposition: form-data; name=\"type\"\r\nX-Big: {new string('h', 20_000)}\r\n\r\nnote\r\n--abc--\r\n", "multipart/form-data; boundary=abc"));
        yield return ("form with 1100 fields", () => Raw(string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), "application/x-www-form-urlencoded"));
        yield return ("form with a 3000-character key", () => Raw(new string('k', 3000) + "=1", "application/x-www-form-urlencoded"));
        yield return ("form with %00 in values", () => Raw("type=note&text=a%00b&grant_type=password&username=a%00b&password=x%00", "application/x-www-form-urlencoded"));
    }

    private static HttpContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static HttpContent Json(string body) => Raw(body, "application/json");

    /// <summary>A JSON object with every property of the request schema whose type yields a value from <paramref name="value"/>.</summary>
    private static HttpContent Body(IReadOnlyDictionary<string, string> properties, Func<string, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var (name, type) in properties)
            if (value(type) is { } v) body[name] = v;
        // Endpoints read by hand (no schema in the document) still get the common array and text fields.
        foreach (var name in new[] { "stages", "events", "pages", "tags", "capabilities", "scopes" })
            if (!body.ContainsKey(name) && value("array") is { } array) body[name] = array;
        foreach (var name in new[] { "name", "text", "email", "password", "type" })
            if (!body.ContainsKey(name) && value("string") is { } text) body[name] = text;
        return JsonContent.Create(body);
    }

    /// <summary>Property name → JSON type of the operation's JSON request body (following one $ref).</summary>
    private static Dictionary<string, string> BodyProperties(JsonNode operation, JsonObject? schemas)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"] is { } reference && schemas is not null) schema = schemas[((string)reference!).Split('/')[^1]];
        var result = new Dictionary<string, string>();
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            var type = property?["type"] switch
            {
                JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
                JsonValue one => (string?)one,
                _ => property?["$ref"] is not null || property?["oneOf"] is not null || property?["anyOf"] is not null ? "object" : null,
            };
            if (type is not null) result[name] = type;
        }
        return result;
    }

    private static string FillPath(string path, IReadOnlyDictionary<string, Guid> ids)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var parameter = segments[i].Trim('{', '}').Split(':')[0];
            var key = parameter == "id" ? segments[i - 1] : parameter;
            segments[i] = (ids.TryGetValue(key, out var id) ? id : Guid.NewGuid()).ToString();
        }
        return string.Join('/', segments);
    }

    /// <summary>One record of each kind the write endpoints address, keyed by the path segment before <c>{id}</c>.</summary>
    private static async Task<Dictionary<string, Guid>> SeedAsync(Session owner)
    {
        var ids = new Dictionary<string, Guid>();
        var lead = await owner.CreateLeadAsync(new { name = "Fuzz target", phone = LeadApi.Phone(4242) });
        ids["leads"] = Guid.Parse((string)lead["id"]!);
        ids["pipelines"] = Guid.Parse((string)lead["pipeline_id"]!);
        ids["stageId"] = Guid.Parse((string)lead["stage_id"]!);
        await TryAsync(ids, "roles", owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Fuzz role", capabilities = new[] { "leads.read" }, visibility = "own" }));
        await TryAsync(ids, "api-keys", owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Fuzz key", scopes = new[] { "leads.read" } }));
        await TryAsync(ids, "webhooks", owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/fuzz", events = new[] { "lead.created" }, is_active = false }));
        await TryAsync(ids, "activities", owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = ids["leads"], type = "call", title = "Fuzz", due_at = DateTime.UtcNow.AddDays(1) }));
        await TryAsync(ids, "templates", owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = "fuzz_template", category = "utility", language = "pt_BR", body = "Oi {{1}}", status = "approved" }));
        await TryAsync(ids, "workflows", owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Fuzz workflow", graph = new { nodes = new[] { new { id = "t", type = "trigger", settings = new { kind = "manual" } } } } }));
        var member = await owner.AddMemberAsync("sales_rep");
        ids["members"] = member.UserId;
        return ids;
    }

    private static async Task TryAsync(Dictionary<string, Guid> ids, string key, Task<HttpResponseMessage> create)
    {
        var body = await (await create).ReadJsonAsync();
        if (Guid.TryParse((string?)body["id"], out var id)) ids[key] = id;
    }
}
