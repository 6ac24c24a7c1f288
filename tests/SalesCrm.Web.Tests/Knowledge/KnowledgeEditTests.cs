using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>Editing documents and chunks through the API: bodies that change nothing, bodies that cannot be read, limits.</summary>
public abstract class KnowledgeEditTests(CrmAppFactory app)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("documents")]
    [InlineData("chunks")]
    public async Task A_null_body_on_patch_is_a_validation_problem_under_body_without_framework_text(string kind)
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos.");
        var id = kind == "documents" ? (string)doc["id"]! : (string)(await owner.ChunksAsync((string)doc["id"]!))[0]!["id"]!;
        var response = await owner.Client.PatchAsync($"/api/v1/knowledge/{kind}/{id}", Json("null"));
        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["body"], problem["errors"]!.AsObject().Select(e => e.Key));
        var text = problem.ToJsonString();
        Assert.DoesNotContain("Request", text, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_patch_changes_nothing_no_version_and_the_same_updated_at()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos.", extra: new { tags = new[] { "garantia" } }))["id"]!;
        var before = await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}");
        var chunk = (await owner.ChunksAsync(id))[0]!;

        var patched = await (await owner.Client.PatchAsync($"/api/v1/knowledge/documents/{id}", Json("{}"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(((int)before["version"]!, (string?)before["updated_at"]), ((int)patched["version"]!, (string?)patched["updated_at"]));
        // Saving the same values (what the editor sends when nothing was touched) is no change either.
        var same = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{id}",
            new { title = "Garantia", type = "faq", language = "pt-BR", content = "A garantia do inversor é de dois anos.", tags = new[] { "garantia" }, status = "published", metadata = new { } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(((int)before["version"]!, (string?)before["updated_at"]), ((int)same["version"]!, (string?)same["updated_at"]));
        Assert.Single((await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}/versions"))["items"]!.AsArray());

        var chunkPatched = await (await owner.Client.PatchAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", Json("{}"))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string?)chunk["updated_at"], (string?)chunkPatched["updated_at"]);
        Assert.False((bool)chunkPatched["edited"]!);
    }

    [Fact]
    public async Task Every_field_of_the_wrong_type_is_reported_not_only_the_first()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos.");
        var id = (string)doc["id"]!;
        var problem = await (await owner.Client.PatchAsync($"/api/v1/knowledge/documents/{id}",
            Json("""{ "title": 5, "type": "memo", "tags": "preço", "status": true, "metadata": { "product": 7 } }"""))).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["metadata.product", "status", "tags", "title", "type"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        var chunkId = (string)(await owner.ChunksAsync(id))[0]!["id"]!;
        var chunkProblem = await (await owner.Client.PatchAsync($"/api/v1/knowledge/chunks/{chunkId}", Json("""{ "text": 1, "enabled": "yes", "heading_path": 3 }""")))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["enabled", "heading_path", "text"], chunkProblem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        // Nothing was changed by the refused bodies.
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}"))["version"]!);
    }

    [Fact]
    public async Task An_upload_with_content_as_well_is_refused_naming_content()
    {
        var owner = await app.RegisterAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("# Garantia\n\nA garantia é de dois anos."));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "file", "garantia.md");
        form.Add(new StringContent("faq"), "type");
        form.Add(new StringContent("Texto colado que seria perdido."), "content");
        var problem = await (await owner.Client.PostAsync("/api/v1/knowledge/documents", form)).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["content"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.StartsWith("must be empty when a file is uploaded", (string?)problem["errors"]!["content"]![0]);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/knowledge/documents"))["total"]!);
    }

    [Fact]
    public async Task A_chunk_is_edited_or_added_up_to_the_chunkers_size_limit_only()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!;
        var chunkId = (string)(await owner.ChunksAsync(id))[0]!["id"]!;
        var tooLong = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunkId}", new { text = new string('a', 1201) }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("must be at most 1200 characters.", (string?)tooLong["errors"]!["text"]![0]);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunkId}", new { text = new string('a', 8000) })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/chunks", new { document_id = id, text = new string('b', 1201) })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var edited = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunkId}", new { text = new string('a', 1200) })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1200, (int)edited["char_count"]!);
    }
}

public sealed class KnowledgeEditTestsOnSqlite(SqliteApp app) : KnowledgeEditTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeEditTestsOnPostgres(PostgresApp app) : KnowledgeEditTests(app), IClassFixture<PostgresApp>;
