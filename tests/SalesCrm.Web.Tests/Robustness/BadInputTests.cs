using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Robustness;

/// <summary>Each kind of malformed input from issue 13's sweep, with its right answer, on both providers.</summary>
public abstract class BadInputTests(CrmAppFactory app)
{
    private static HttpContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    [Fact]
    public async Task A_json_body_with_an_unknown_charset_is_415_on_private_and_public_endpoints()
    {
        var owner = await app.RegisterAsync();
        var body = "{\"name\":\"Charset\"}";
        await (await owner.Client.PostAsync("/api/v1/leads", Raw(body, "application/json; charset=bogus"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/auth/register", "/api/v1/auth/refresh", "/api/v1/auth/logout" })
            await (await app.CreateClient().PostAsync(path, Raw(body, "application/json; charset=bogus"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        // A charset .NET knows still works.
        await (await owner.Client.PostAsync("/api/v1/leads", Raw(body, "application/json; charset=utf-8"))).ExpectAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/api/v1/activities?lead_id=abc", "lead_id", "'abc' is not a UUID.")]
    [InlineData("/api/v1/activities?include_done=maybe", "include_done", "'maybe' is not true or false.")]
    [InlineData("/api/v1/activities?limit=ten", "limit", "'ten' is not a whole number.")]
    [InlineData("/api/v1/copilot/sessions?lead_id=42", "lead_id", "'42' is not a UUID.")]
    [InlineData("/api/v1/copilot/suggestions?session_id=x", "session_id", "'x' is not a UUID.")]
    public async Task A_query_parameter_of_the_wrong_type_is_a_400_under_its_own_name(string url, string field, string message)
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(message == (string?)problem["errors"]![field]?[0], problem.ToJsonString());
        Assert.False(problem["errors"]!.AsObject().ContainsKey("body"), problem.ToJsonString());
    }

    [Fact]
    public async Task Deleting_a_stage_with_a_malformed_move_to_stage_id_names_that_parameter()
    {
        var owner = await app.RegisterAsync();
        var pipeline = (string)(await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!["id"]!;
        var stage = (await owner.StagesAsync())["Contato"];
        var problem = await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipeline}/stages/{stage}?move_to_stage_id=nope"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True("'nope' is not a UUID." == (string?)problem["errors"]!["move_to_stage_id"]?[0], problem.ToJsonString());
        Assert.NotNull(await owner.GetJsonAsync($"/api/v1/pipelines/{pipeline}/stages"));
    }

    [Fact]
    public async Task Text_sent_decomposed_is_stored_composed_and_filters_match_it_in_either_form()
    {
        var owner = await app.RegisterAsync();
        var decomposed = "Joana Ribeira\u0303o".Normalize(NormalizationForm.FormD) + " NFD";
        Assert.False(decomposed.IsNormalized());
        var created = await owner.CreateLeadAsync(new { name = decomposed, company = "Padaria Sa\u0303o Joa\u0303o" });
        Assert.Equal("Joana Ribeirão NFD", (string?)created["name"]);
        Assert.True(((string)created["company"]!).IsNormalized());
        foreach (var filter in new[] { "name=ilike.*ribeirão*", "name=like.*Ribeirão*", "name=eq.Joana Ribeirão NFD", "name=like.*Ribeira\u0303o*", "company=eq.Padaria São João" })
            Assert.Single((await owner.GetJsonAsync($"/rest/v1/leads?{filter.Split('=')[0]}={Uri.EscapeDataString(filter[(filter.IndexOf('=') + 1)..])}")).AsArray());
        var patched = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{created["id"]}", new { company = "Conceic\u0327a\u0303o" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Conceição", (string?)patched["company"]);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/leads?limit=1")]
    [InlineData("/api/v1/leads/export?format=csv")]
    [InlineData("/api/v1/pipelines")]
    public async Task Head_on_a_read_answers_as_get_without_a_body(string path)
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Cabeça" });
        var get = await owner.Client.GetAsync(path);
        var head = await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=\"utf-8\";foo=bar")]
    public async Task A_quoted_charset_is_read_as_that_charset_on_private_and_public_endpoints(string contentType)
    {
        var owner = await app.RegisterAsync();
        var created = await (await owner.Client.PostAsync("/api/v1/leads", Raw("{\"name\":\"Aspas Ção\"}", contentType))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Aspas Ção", (string?)created["name"]);
        // A public endpoint reads the body too: a wrong password is a 401 problem, not a 500.
        var login = await app.CreateClient().PostAsync("/api/v1/auth/token", Raw($"{{\"email\":\"{owner.Email}\",\"password\":\"Wrong-pass1\"}}", contentType));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_note_sent_neither_as_json_nor_as_a_form_is_415()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Content type" }))["id"]!;
        var url = $"/api/v1/leads/{id}/interactions";
        await (await owner.Client.PostAsync(url, Raw("{\"type\":\"note\",\"text\":\"x\"}", "text/plain"))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        await (await owner.Client.PostAsync(url, new ByteArrayContent("{\"type\":\"note\",\"text\":\"x\"}"u8.ToArray()))).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal(0, (int)(await owner.GetJsonAsync(url))["total"]!);
    }

    [Fact]
    public async Task Form_and_multipart_bodies_past_the_reader_limits_are_400_problems()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Forms" }))["id"]!;
        var bodies = new (string Name, Func<HttpContent> Content)[]
        {
            ("1,100 fields", () => Raw(string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), "application/x-www-form-urlencoded")),
            ("3,000-character key", () => Raw(new string('k', 3000) + "=1", "application/x-www-form-urlencoded")),
            ("%00 in a value", () => Raw("type=note&text=a%00b&grant_type=password&username=a%00b&password=b%00", "application/x-www-form-urlencoded")),
            ("20 KB part header", () => Raw($"--abc\r\nContent-Disposition: form-data; name=\"type\"\r\nX-Big: {new string('h', 20_000)}\r\n\r\nnote\r\n--abc--\r\n", "multipart/form-data; boundary=abc")),
            ("missing boundary", () => Raw("--abc\r\n", "multipart/form-data")),
            ("5,000-character boundary", () => Raw("--abc\r\n", "multipart/form-data; boundary=" + new string('b', 5000))),
            ("truncated body", () => Raw("--abc\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nnote", "multipart/form-data; boundary=abc")),
        };
        foreach (var (path, client) in new[] { ($"/api/v1/leads/{id}/interactions", owner.Client), ("/api/v1/leads/import", owner.Client), ("/api/v1/auth/token", app.CreateClient()) })
        foreach (var (name, content) in bodies)
        {
            var response = await client.PostAsync(path, content());
            var problem = await response.ReadJsonAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{path} with {name}: {(int)response.StatusCode} {problem.ToJsonString()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // In a multipart part the NUL reaches the guard, which names the field.
        var multipart = new MultipartFormDataContent { { new StringContent("note"), "type" }, { new StringContent("a\0b"), "text" } };
        var nul = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", multipart)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(nul["errors"]?["text"] is not null, nul.ToJsonString());
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions"))["total"]!);
    }

    /// <summary>A PNG's eight-byte signature and a few bytes: what the upload check reads.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task An_attachment_with_a_300_character_extension_is_400_and_a_windows_path_is_cut_to_the_file_name()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Uploads" }))["id"]!;
        MultipartFormDataContent Upload(string fileName)
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return new MultipartFormDataContent { { new StringContent("photo"), "type" }, { file, "file", fileName } };
        }
        var refused = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("foto." + new string('p', 300)))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(refused["errors"]!["attachments"]);
        var created = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload(@"C:\Users\ana\Pictures\fachada.PNG"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("fachada.PNG", (string?)created["attachments"]![0]!["file_name"]);
        Assert.Equal(Png, await owner.Client.GetByteArrayAsync((string)created["attachments"]![0]!["url"]!));
        // As the README says: an extension, when the name has one, has at most 9 letters or digits; none is fine.
        foreach (var name in new[] { "foto", ".png", "foto.abcdefgh9" })
            await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload(name))).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("foto.abcdefghij"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Null_items_in_arrays_are_400_naming_the_item()
    {
        var owner = await app.RegisterAsync();
        var cases = new (string Method, string Path, string Body, string Field)[]
        {
            ("POST", "/api/v1/pipelines", "{\"name\":\"P\",\"stages\":[{\"name\":\"A\"},null]}", "stages[1]"),
            ("POST", "/api/v1/webhooks", "{\"url\":\"https://hooks.example.com/x\",\"events\":[null]}", "events[0]"),
            ("PUT", "/api/v1/integrations/meta", "{\"pages\":[null]}", "pages[0]"),
            ("POST", "/api/v1/roles", "{\"name\":\"R\",\"capabilities\":[\"leads.read\",null]}", "capabilities[1]"),
        };
        foreach (var (method, path, body, field) in cases)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Raw(body, "application/json") };
            var problem = await (await owner.Client.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.True(problem["errors"]?[field] is not null, $"{path}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_lead_value_beyond_the_representable_range_is_400_on_create_and_update()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsync("/api/v1/leads", Raw("{\"name\":\"Huge\",\"value\":100000000000000000000}", "application/json"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["value"]);
        var lead = await owner.CreateLeadAsync(new { name = "Big but fine", value = 1_000_000_000_000m });
        Assert.Equal(1_000_000_000_000m, (decimal)lead["value"]!);
        var patch = await (await owner.Client.PatchAsync($"/api/v1/leads/{lead["id"]}", Raw("{\"value\":92233720368547758.08}", "application/json"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(patch["errors"]!["value"]);
        await (await owner.Client.PostAsync("/api/v1/leads", Raw("{\"name\":\"Past decimal\",\"value\":1e400}", "application/json"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Text_with_a_NUL_character_or_longer_than_its_column_is_400_on_both_databases()
    {
        var owner = await app.RegisterAsync();
        var nul = await (await owner.Client.PostAsync("/api/v1/leads", Raw("{\"name\":\"Ana\\u0000Souza\"}", "application/json"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(nul["errors"]!["name"]);
        await (await owner.Client.GetAsync("/api/v1/leads?name=eq.a%00b")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        // A field no service checks for length (the outcome of a call is checked, a tag's text is not): the column's limit answers.
        var id = (string)(await owner.CreateLeadAsync(new { name = "Long" }))["id"]!;
        var response = await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { company = new string('c', 5000) });
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["company"]);
    }

    [Fact]
    public async Task Eight_notes_posted_at_once_to_one_lead_are_all_saved()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Busy lead" }))["id"]!;
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            app.CreateClient().WithBearer(owner.AccessToken).PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "note", text = $"Nota {i}" })));
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Equal(201, s));
        Assert.Equal(8, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions"))["total"]!);
        Assert.Equal(8, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}"))["interaction_count"]!);
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_its_own_code_and_answers_say_nosniff()
    {
        var owner = await app.RegisterAsync();
        var response = await owner.Client.PutAsJsonAsync("/api/v1/leads", new { name = "x" });
        await response.ExpectProblemAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var ok = await owner.Client.GetAsync("/api/v1/leads");
        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());
        var missing = await owner.Client.GetAsync($"/api/v1/leads/{Guid.NewGuid()}");
        await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("nosniff", missing.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0d%0a/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task Changing_the_language_with_an_unsafe_return_url_redirects_to_the_home_page(string returnUrl)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/account/culture?culture=en&return_url={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var local = await client.GetAsync("/account/culture?culture=en&return_url=/leads%3Fq%3Dana");
        Assert.Equal("/leads?q=ana", local.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/leads/%C3%A9", "/leads/%C3%A9")]
    [InlineData("/%E2%80%AE/x", "/%E2%80%AE/x")]
    [InlineData("/leads%3Fq%3D%F0%9F%98%80", "/leads?q=%F0%9F%98%80")]
    public async Task Changing_the_language_with_a_return_url_beyond_ascii_redirects_to_it_percent_encoded(string returnUrl, string expected)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/account/culture?culture=en&return_url={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
