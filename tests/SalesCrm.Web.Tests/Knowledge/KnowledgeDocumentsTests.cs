using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Knowledge;
using SalesCrm.Core.Tests.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Knowledge;

public abstract class KnowledgeDocumentsTests(CrmAppFactory app)
{
    /// <summary>A two-section objection playbook the knowledge tests create documents from.</summary>
    internal const string Playbook = """
        # Objeções

        ## Está caro
        Mostre o valor antes do preço. Compare o investimento com o custo de continuar sem a solução.

        ## Vou pensar
        Pergunte o que falta para decidir hoje e combine um retorno com data.
        """;

    [Fact]
    public async Task A_document_created_without_status_is_published_and_searchable_when_201_returns()
    {
        var owner = await app.RegisterAsync();
        var created = await owner.CreateDocumentAsync("Objeções comuns", Playbook, "objection_handler", new { tags = new[] { "preço" }, metadata = new { pipeline_stage = "proposta", product = "solar" } });
        Assert.Equal(["id", "title", "type", "language", "status", "version", "chunk_count"], created.AsObject().Select(p => p.Key));
        Assert.Equal(("published", 1, "objection_handler", "pt-BR"), ((string?)created["status"], (int)created["version"]!, (string?)created["type"], (string?)created["language"]));
        Assert.Equal(2, (int)created["chunk_count"]!);

        var hits = await owner.SearchAsync("ta caro");
        var hit = hits[0]!;
        Assert.Equal((string?)created["id"], (string?)hit["document_id"]);
        Assert.Contains("Mostre o valor", (string?)hit["text"]);
        Assert.Equal(["Objeções", "Está caro"], hit["heading_path"]!.AsArray().Select(h => (string?)h));
        Assert.True((double)hit["score"]! > 0);
        Assert.True((double)hit["signals"]!["lexical"]! > 0);
        Assert.NotNull(hit["signals"]!["trigram"]);
    }

    [Fact]
    public async Task A_misspelt_word_is_found_by_full_text_once_corrected_against_the_passages()
    {
        var owner = await app.RegisterAsync();
        var created = await owner.CreateDocumentAsync("Objeções comuns", Playbook, "objection_handler");
        await owner.CreateDocumentAsync("Entrega", "# Entrega\n\nO prazo de entrega é de sete dias úteis para todo o estado.");

        var hit = (await owner.SearchAsync("o investimeto"))[0]!;
        Assert.Equal((string?)created["id"], (string?)hit["document_id"]);
        Assert.True((double)hit["signals"]!["lexical"]! > 0);
    }

    [Fact]
    public async Task An_empty_query_is_a_400_and_limits_are_checked()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "  " })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "preço", limit = 500 })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/documents", new { title = "", type = "memo", content = "" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["type"]);
    }

    [Fact]
    public async Task Editing_a_document_keeps_the_previous_version_and_search_sees_only_the_new_text()
    {
        var owner = await app.RegisterAsync();
        var id = (string)(await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos."))["id"]!;
        Assert.Equal("Garantia", (await owner.SearchAsync("garantia inversor")).Titles().First());
        var updated = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{id}", new { content = "Os painéis têm garantia de vinte e cinco anos de desempenho." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        var versions = (await owner.GetJsonAsync($"/api/v1/knowledge/documents/{id}/versions"))["items"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("A garantia do inversor é de dois anos.", (string?)versions[1]!["content"]);
        Assert.Empty(await owner.SearchAsync("inversor"));
        Assert.Equal(id, (string?)(await owner.SearchAsync("paineis desempenho"))[0]!["document_id"]);
    }

    [Fact]
    public async Task Drafts_archived_documents_and_disabled_chunks_are_not_searched()
    {
        var owner = await app.RegisterAsync();
        var draft = await owner.CreateDocumentAsync("Rascunho", "Roteiro de qualificação para clínicas odontológicas.", extra: new { status = "draft" });
        Assert.Equal("draft", (string?)draft["status"]);
        Assert.Empty(await owner.SearchAsync("clinicas odontologicas"));
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{draft["id"]}", new { status = "published" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(await owner.SearchAsync("clinicas odontologicas"));

        var chunk = (await owner.ChunksAsync((string)draft["id"]!))[0]!;
        var disabled = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)disabled["enabled"]!);
        Assert.Empty(await owner.SearchAsync("clinicas odontologicas"));
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = true })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{draft["id"]}", new { status = "archived" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await owner.SearchAsync("clinicas odontologicas"));
    }

    [Fact]
    public async Task An_edited_chunk_is_reindexed_and_marked_edited()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Frete", "O frete é grátis para capitais.");
        var chunk = (await owner.ChunksAsync((string)doc["id"]!))[0]!;
        var edited = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { text = "Entregamos com transportadora própria em todo o Nordeste." })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)edited["edited"]!);
        Assert.Equal((string?)chunk["id"], (string?)(await owner.SearchAsync("transportadora nordeste"))[0]!["chunk_id"]);
        Assert.Empty(await owner.SearchAsync("capitais"));
        var added = await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/chunks", new { document_id = doc["id"], text = "Retirada no depósito de Recife sem custo." })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)added["ordinal"]!);
        Assert.Equal((string?)added["id"], (string?)(await owner.SearchAsync("deposito recife"))[0]!["chunk_id"]);
        await (await owner.Client.DeleteAsync($"/api/v1/knowledge/chunks/{added["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await owner.SearchAsync("deposito recife"));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["total"]!);
    }

    [Fact]
    public async Task A_pdf_upload_is_chunked_and_searchable_and_a_scanned_pdf_is_refused()
    {
        var owner = await app.RegisterAsync();
        var created = await UploadAsync(owner, KnowledgeTestFiles.Pdf("Tabela de frete", "Frete gratis acima de dois mil reais."), "frete.pdf", "application/pdf");
        var doc = await created.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("frete", (string?)doc["title"]);
        Assert.True((int)doc["chunk_count"]! >= 1);
        var full = await owner.GetJsonAsync($"/api/v1/knowledge/documents/{doc["id"]}");
        Assert.Equal(("frete.pdf", "application/pdf"), ((string?)full["source_file_name"], (string?)full["source_media_type"]));
        Assert.Equal((string?)doc["id"], (string?)(await owner.SearchAsync("frete gratis"))[0]!["document_id"]);

        var scan = await (await UploadAsync(owner, KnowledgeTestFiles.ScannedPdf(), "scan.pdf", "application/pdf")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "PDF_WITHOUT_TEXT");
        Assert.Contains("no text layer", (string?)scan["title"]);
        await (await UploadAsync(owner, [1, 2, 3], "tabela.xlsx", "application/octet-stream")).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_FILE_TYPE");
    }

    [Fact]
    public async Task A_docx_upload_keeps_its_headings()
    {
        var owner = await app.RegisterAsync();
        var docx = KnowledgeTestFiles.Docx(("Heading1", "Cadência de follow-up"), ("Heading2", "Dia 3"), (null, "Envie um áudio curto lembrando a proposta."));
        var doc = await (await UploadAsync(owner, docx, "cadencia.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", title: "Cadência")).ExpectAsync(HttpStatusCode.Created);
        var chunk = (await owner.ChunksAsync((string)doc["id"]!))[0]!;
        Assert.Equal(["Cadência de follow-up", "Dia 3"], chunk["heading_path"]!.AsArray().Select(h => (string?)h));
    }

    [Fact]
    public async Task Documents_chunks_and_search_are_isolated_per_workspace_and_need_capabilities()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Segredo comercial", "Desconto máximo de doze por cento para clientes antigos.");
        var chunk = (await owner.ChunksAsync((string)doc["id"]!))[0]!;
        var other = await app.RegisterAsync();
        Assert.Empty(await other.SearchAsync("desconto maximo clientes antigos"));
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/knowledge/documents"))["total"]!);
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/knowledge/chunks"))["total"]!);
        await (await other.Client.GetAsync($"/api/v1/knowledge/documents/{doc["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.GetAsync($"/api/v1/knowledge/chunks/{chunk["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = false })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.DeleteAsync($"/api/v1/knowledge/documents/{doc["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        var rep = await owner.AddMemberAsync("sales_rep");
        Assert.Single(await rep.SearchAsync("desconto maximo"));
        await (await rep.Client.PostAsJsonAsync("/api/v1/knowledge/documents", new { title = "x", type = "faq", content = "y" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = false })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var viewer = await owner.AddMemberAsync("viewer");
        await (await viewer.Client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "desconto" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Feedback_lifts_or_lowers_a_chunk_within_its_bound_and_only_in_its_workspace()
    {
        var owner = await app.RegisterAsync();
        var a = await owner.CreateDocumentAsync("Parcelamento A", "Parcelamos a instalação em doze vezes no cartão.");
        var b = await owner.CreateDocumentAsync("Parcelamento B", "Parcelamos a instalação em doze vezes no boleto.");
        var before = await owner.SearchAsync("parcelar instalacao doze vezes");
        Assert.All(before, h => Assert.Null(h!["signals"]!["feedback"]));
        var second = (string)before[1]!["chunk_id"]!;
        var first = (string)before[0]!["chunk_id"]!;

        await RateAsync(owner, [Guid.Parse(second)], positive: true);
        await RateAsync(owner, [Guid.Parse(second)], positive: true);
        var after = await owner.SearchAsync("parcelar instalacao doze vezes");
        Assert.Equal(second, (string?)after[0]!["chunk_id"]);
        Assert.True((double)after[0]!["signals"]!["feedback"]! > 0);

        // A flood of downvotes lowers a chunk by at most the bound: it is still found, with a bounded signal.
        for (var i = 0; i < 20; i++) await RateAsync(owner, [Guid.Parse(first)], positive: false);
        var buried = (await owner.SearchAsync("parcelar instalacao doze vezes")).Single(h => (string?)h!["chunk_id"] == first)!;
        Assert.InRange((double)buried["signals"]!["feedback"]!, -0.2, -0.1);

        // Another workspace rating these chunks changes nothing here.
        var other = await app.RegisterAsync();
        await RateAsync(other, [Guid.Parse(first)], positive: true);
        var unchanged = (await owner.SearchAsync("parcelar instalacao doze vezes")).Single(h => (string?)h!["chunk_id"] == first)!;
        Assert.Equal((double)buried["signals"]!["feedback"]!, (double)unchanged["signals"]!["feedback"]!, 6);
        _ = (a, b);
    }

    private static Task RateAsync(Session member, Guid[] chunks, bool positive) =>
        member.AsMemberAsync(async sp =>
        {
            await sp.GetRequiredService<IKnowledgeSearch>().RecordFeedbackAsync(chunks, positive);
            return 0;
        });

    private static async Task<HttpResponseMessage> UploadAsync(Session owner, byte[] bytes, string name, string mediaType, string? title = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", name);
        form.Add(new StringContent("faq"), "type");
        form.Add(new StringContent("pt-BR"), "language");
        if (title is not null) form.Add(new StringContent(title), "title");
        return await owner.Client.PostAsync("/api/v1/knowledge/documents", form);
    }
}

public sealed class KnowledgeDocumentsTestsOnSqlite(SqliteApp app) : KnowledgeDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeDocumentsTestsOnPostgres(PostgresApp app) : KnowledgeDocumentsTests(app), IClassFixture<PostgresApp>;
