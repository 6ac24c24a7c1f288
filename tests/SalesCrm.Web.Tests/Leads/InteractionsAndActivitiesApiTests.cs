using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

public abstract class InteractionsAndActivitiesApiTests(CrmAppFactory app)
{
    private static MultipartFormDataContent Upload(string type, string text, string fileName, string contentType, byte[] bytes)
    {
        var form = new MultipartFormDataContent { { new StringContent(type), "type" }, { new StringContent(text), "text" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task The_timeline_is_newest_first_filterable_by_type_and_raises_engagement()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Timeline" });
        var id = (string)lead["id"]!;
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "call", text = "Primeira", duration_seconds = 300, outcome = "interessado", occurred_at = DateTime.UtcNow.AddHours(-2) })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "whatsapp", text = "Segunda" })).ExpectAsync(HttpStatusCode.Created);
        var all = await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions");
        Assert.Equal(["Segunda", "Primeira"], all["items"]!.AsArray().Select(i => (string?)i!["text"]));
        var calls = await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions?type=call");
        Assert.Equal(300, (int)calls["items"]!.AsArray().Single()!["duration_seconds"]!);
        var after = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal(2, (int)after["interaction_count"]!);
        Assert.True((int)after["score"]! > (int)lead["score"]!);
        var bad = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "status_change", text = "x" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["type"]);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/interactions", new { type = "note" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Audio_attachments_are_stored_and_served_only_within_the_tenant()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Audio" }))["id"]!;
        byte[] bytes = [.. "OggS"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)i)];
        var created = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("audio", "Áudio do cliente", "recado.ogg", "audio/ogg", bytes))).ExpectAsync(HttpStatusCode.Created);
        var attachment = created["attachments"]![0]!;
        Assert.Equal("recado.ogg", (string?)attachment["file_name"]);
        var download = await owner.Client.GetAsync((string)attachment["url"]!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("audio/ogg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var other = await app.RegisterAsync();
        await (await other.Client.GetAsync((string)attachment["url"]!)).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await app.CreateClient().GetAsync((string)attachment["url"]!)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Attachments_of_the_wrong_type_or_empty_are_refused_and_nothing_is_written()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Refused" }))["id"]!;
        var wrong = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("photo", "x", "virus.exe", "application/x-msdownload", [1, 2, 3]))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(wrong["errors"]!["attachments"]);
        await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("audio", "x", "photo.png", "image/png", [1, 2, 3]))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload("photo", "x", "empty.png", "image/png", []))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions"))["total"]!);
    }

    [Theory]
    [InlineData("photo", "fachada.png", "image/png", "MZ")] // a Windows program
    [InlineData("photo", "foto.jpg", "image/jpeg", "<html><script>")] // a page that would run if served as HTML
    [InlineData("audio", "recado.ogg", "audio/ogg", "#!/bin/sh\n")]
    [InlineData("note", "planta.webp", "image/webp", "RIFF\0\0\0\0WAVE")] // a WAV is not a WebP
    public async Task An_attachment_whose_content_is_not_its_declared_type_is_refused_naming_it_and_nothing_is_written(string type, string fileName, string contentType, string content)
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Disfarce" }))["id"]!;
        byte[] bytes = [.. System.Text.Encoding.Latin1.GetBytes(content), .. new byte[64]];
        var refused = await (await owner.Client.PostAsync($"/api/v1/leads/{id}/interactions", Upload(type, "x", fileName, contentType, bytes))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal($"'{fileName}' is not a {contentType} file: its content does not match its type.", (string?)refused["errors"]!["attachments"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions"))["total"]!);
    }

    [Fact]
    public async Task Activities_list_by_window_and_completing_one_logs_an_interaction()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Busy" }))["id"]!;
        var overdue = await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = id, type = "call", title = "Ligar ontem", due_at = DateTime.UtcNow.AddDays(-1) })).ExpectAsync(HttpStatusCode.Created);
        Assert.True((bool)overdue["overdue"]!);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = id, type = "meeting", title = "Reunião semana que vem", due_at = DateTime.UtcNow.AddDays(7) })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/activities?window=overdue&mine=true"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/activities?window=upcoming&mine=true"))["total"]!);
        var card = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.True((bool)card["next_activity"]!["overdue"]!);

        var done = await (await owner.Client.PatchAsJsonAsync($"/api/v1/activities/{overdue["id"]}", new { done = true })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)done["done"]!);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/activities?window=overdue"))["total"]!);
        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions?type=call");
        Assert.Contains("Ligar ontem", (string?)timeline["items"]![0]!["text"]);
        var rescheduled = await (await owner.Client.PatchAsJsonAsync($"/api/v1/activities/{overdue["id"]}", new { due_at = DateTime.UtcNow.AddDays(2), done = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)rescheduled["overdue"]!);

        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { title = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "lead_id", "title", "due_at" }) Assert.NotNull(problem["errors"]![field]);
        var other = await app.RegisterAsync();
        await (await other.Client.PatchAsJsonAsync($"/api/v1/activities/{overdue["id"]}", new { done = true })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Csv_import_reports_each_row_and_re_uploading_changes_nothing()
    {
        var owner = await app.RegisterAsync();
        var csv = "Nome;Telefone;email;value;tags;stage\n" +
                  "Maria Souza;(21) 99876-5432;maria@x.com;1.500,00;vip;Contato\n" +
                  ";11999990000;semnome@x.com;10;;\n" +
                  "Pedro;123;pedro@;abc;;Nowhere\n" +
                  "Maria de novo;+5521998765432;;;retorno;\n" +
                  "Lucas Lima;11 98888-7777;lucas@x.com;300;;\n";
        async Task<System.Text.Json.Nodes.JsonNode> UploadAsync()
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "leads.csv" },
                { new StringContent("{\"Nome\":\"name\",\"Telefone\":\"phone\"}"), "mapping" },
            };
            return await (await owner.Client.PostAsync("/api/v1/leads/import", form)).ExpectAsync(HttpStatusCode.OK);
        }
        var report = await UploadAsync();
        Assert.Equal(5, (int)report["total"]!);
        Assert.Equal(2, (int)report["created"]!);
        Assert.Equal(1, (int)report["updated"]!);
        Assert.Equal(2, (int)report["invalid"]!);
        var errors = report["errors"]!.AsArray();
        Assert.Equal([3, 4], errors.Select(e => (int)e!["row"]!));
        Assert.NotNull(errors[0]!["errors"]!["name"]);
        foreach (var field in new[] { "email", "value", "stage" }) Assert.NotNull(errors[1]!["errors"]![field]);
        // An unreadable phone ('123') is no longer a row error: it would be kept as phone_raw with a warning.
        Assert.Null(errors[1]!["errors"]!["phone"]);
        var maria = (await owner.GetJsonAsync("/api/v1/leads?phone=eq.%2B5521998765432"))["items"]!.AsArray().Single()!;
        Assert.Equal(1500m, (decimal)maria["value"]!);
        Assert.Equal(["retorno", "vip"], maria["tags"]!.AsArray().Select(t => (string?)t));

        var again = await UploadAsync();
        Assert.Equal(0, (int)again["created"]!);
        Assert.Equal(0, (int)again["updated"]!);
        Assert.Equal(3, (int)again["unchanged"]!);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);

        var bad = new MultipartFormDataContent { { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "file", "x.csv" } };
        await (await owner.Client.PostAsync("/api/v1/leads/import", bad)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Export_streams_csv_of_the_filtered_list_and_is_audit_logged()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Export, Me", source = "website", value = 10 });
        await owner.CreateLeadAsync(new { name = "Not me", source = "referral" });
        var response = await owner.Client.GetAsync("/api/v1/leads/export?format=csv&delimiter=comma&source=eq.website");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,email,phone", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"Export, Me\"", lines[1]);
        var audit = await owner.GetJsonAsync("/api/v1/audit-logs?action=export");
        var entry = audit["items"]!.AsArray().Single()!;
        Assert.Equal(1, (int)entry["changes"]!["rows"]!);
        await (await owner.Client.GetAsync("/api/v1/leads/export?format=xlsx")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }
}

public sealed class InteractionsAndActivitiesApiTestsOnSqlite(SqliteApp app) : InteractionsAndActivitiesApiTests(app), IClassFixture<SqliteApp>;

public sealed class InteractionsAndActivitiesApiTestsOnPostgres(PostgresApp app) : InteractionsAndActivitiesApiTests(app), IClassFixture<PostgresApp>;
