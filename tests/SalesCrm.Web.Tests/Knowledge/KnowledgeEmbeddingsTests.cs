using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>Embeddings from the local OpenAI-compatible stub: the background job, its progress, the vector signal.</summary>
public abstract class KnowledgeEmbeddingsTests(EmbeddingsAppBase app)
{
    private const string Playbook = KnowledgeDocumentsTests.Playbook;

    [Fact]
    public async Task Generating_embeds_every_chunk_and_search_gains_the_vector_signal()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Objeções comuns", Playbook, "objection_handler");
        var accepted = await (await owner.Client.PostAsync("/api/v1/knowledge/embeddings/generate", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(("openai:" + EmbeddingsAppBase.Model, 2), ((string?)accepted["model"], (int)accepted["total"]!));
        Assert.Equal(2, (int)accepted["embedded"]! + (int)accepted["pending"]!);
        Assert.NotNull(accepted["running"]);

        var done = await EmbeddedAsync(owner);
        Assert.Equal((2, 2, 0, false, 64), ((int)done["total"]!, (int)done["embedded"]!, (int)done["pending"]!, (bool)done["running"]!, (int)done["dimensions"]!));
        var chunks = await owner.ChunksAsync((string)doc["id"]!);
        Assert.All(chunks, c => Assert.Equal(("openai:" + EmbeddingsAppBase.Model, 64), ((string?)c!["embedding_model"], (int?)c["embedding_dimension"])));
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["total"]!);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=not.is.null"))["total"]!);

        var hit = (await owner.SearchAsync("o que falta para decidir hoje"))[0]!;
        Assert.Contains("Pergunte o que falta", (string?)hit["text"]);
        Assert.True((double)hit["signals"]!["vector"]! > 0.5);

        // Regenerating embeds both chunks again.
        var before = app.Stub.EmbeddedTexts.Count;
        await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/embeddings/generate", new { regenerate = true })).ExpectAsync(HttpStatusCode.Accepted);
        await EmbeddedAsync(owner);
        Assert.True(app.Stub.EmbeddedTexts.Count - before >= 2);
    }

    [Fact]
    public async Task A_document_is_searchable_when_201_returns_and_its_vectors_follow_in_the_background()
    {
        var owner = await app.RegisterAsync();
        app.Stub.EmbeddingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var doc = await owner.CreateDocumentAsync("Garantia", "Os painéis têm garantia de vinte e cinco anos de desempenho.");
            var hit = (await owner.SearchAsync("garantia paineis desempenho"))[0]!;
            Assert.Equal((string?)doc["id"], (string?)hit["document_id"]);
            Assert.Null(hit["signals"]!["vector"]);
            Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["total"]!);
            var progress = await owner.GetJsonAsync("/api/v1/knowledge/embeddings");
            Assert.Equal((1, 0, 1, true), ((int)progress["total"]!, (int)progress["embedded"]!, (int)progress["pending"]!, (bool)progress["running"]!));
        }
        finally
        {
            app.Stub.EmbeddingGate.TrySetResult();
        }
        await EmbeddedAsync(owner);
        Assert.NotNull((await owner.SearchAsync("garantia paineis desempenho"))[0]!["signals"]!["vector"]);
    }

    [Fact]
    public async Task An_edited_chunk_loses_its_vector_until_its_new_text_is_embedded()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Frete", "O frete é grátis para capitais do Sudeste.");
        await EmbeddedAsync(owner);
        var chunk = (await owner.ChunksAsync((string)doc["id"]!))[0]!;
        Assert.NotNull((await owner.SearchAsync("frete gratis capitais sudeste"))[0]!["signals"]!["vector"]);

        app.Stub.EmbeddingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var edited = await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { text = "Entregamos com transportadora própria em todo o Nordeste." })).ExpectAsync(HttpStatusCode.OK);
            Assert.Null(edited["embedding_model"]);
            var pending = (await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["items"]!.AsArray();
            Assert.Equal([(string?)chunk["id"]], pending.Select(c => (string?)c!["id"]));
            // The old text's vector is still stored, and near this question: it must not be used.
            var hits = await owner.SearchAsync("frete gratis capitais sudeste");
            Assert.All(hits, h => Assert.Null(h!["signals"]!["vector"]));
        }
        finally
        {
            app.Stub.EmbeddingGate.TrySetResult();
        }
        await EmbeddedAsync(owner);
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["total"]!);
        var hit = (await owner.SearchAsync("transportadora propria nordeste"))[0]!;
        Assert.Equal((string?)chunk["id"], (string?)hit["chunk_id"]);
        Assert.True((double)hit["signals"]!["vector"]! > 0.5);
    }

    [Fact]
    public async Task Changing_the_model_embeds_every_chunk_again_in_the_background()
    {
        var owner = await app.RegisterAsync();
        var doc = await owner.CreateDocumentAsync("Parcelamento", Playbook);
        await EmbeddedAsync(owner);
        try
        {
            app.Settings.Set(("Knowledge:Embeddings:Model", "stub-embed-2"));
            var progress = await Eventually.GetAsync(owner, "/api/v1/knowledge/embeddings", p => (string?)p["model"] == "openai:stub-embed-2" && (int)p["pending"]! == 0);
            Assert.Equal(2, (int)progress["embedded"]!);
            Assert.All(await owner.ChunksAsync((string)doc["id"]!), c => Assert.Equal("openai:stub-embed-2", (string?)c!["embedding_model"]));
            var rows = await StoredModelsAsync(owner);
            Assert.Equal(["openai:stub-embed-2", "openai:stub-embed-2"], rows);
            Assert.NotNull((await owner.SearchAsync("o que falta para decidir hoje"))[0]!["signals"]!["vector"]);
        }
        finally
        {
            app.Settings.Set(("Knowledge:Embeddings:Model", EmbeddingsAppBase.Model));
        }
        await Eventually.GetAsync(owner, "/api/v1/knowledge/embeddings", p => (string?)p["model"] == "openai:" + EmbeddingsAppBase.Model && (int)p["pending"]! == 0);
    }

    [Fact]
    public async Task A_failing_provider_is_retried_while_the_app_keeps_answering()
    {
        var owner = await app.RegisterAsync();
        Interlocked.Exchange(ref app.Stub.EmbeddingFailures, int.MaxValue);
        try
        {
            var doc = await owner.CreateDocumentAsync("Suporte", "O suporte técnico atende por WhatsApp das oito às dezoito horas.");
            var failing = await Eventually.GetAsync(owner, "/api/v1/knowledge/embeddings", p => p["last_error"] is not null);
            Assert.Equal((1, true), ((int)failing["pending"]!, (bool)failing["running"]!));
            Assert.NotNull(failing["retry_at"]);
            var attempts = app.Stub.EmbeddingRequests;
            await Eventually.TrueAsync(() => app.Stub.EmbeddingRequests >= attempts + 2);
            var hit = (await owner.SearchAsync("suporte whatsapp"))[0]!;
            Assert.Equal((string?)doc["id"], (string?)hit["document_id"]);
            Assert.Null(hit["signals"]!["vector"]);
        }
        finally
        {
            Interlocked.Exchange(ref app.Stub.EmbeddingFailures, 0);
        }
        var done = await EmbeddedAsync(owner);
        Assert.Null(done["last_error"]);
    }

    [Fact]
    public async Task Vectors_are_searched_only_in_their_workspace()
    {
        var owner = await app.RegisterAsync();
        var secret = await owner.CreateDocumentAsync("Segredo comercial", "Desconto máximo de doze por cento para clientes antigos.");
        var other = await app.RegisterAsync();
        await other.CreateDocumentAsync("Entrega", "Entregamos em até dez dias úteis em todo o Brasil.");
        await EmbeddedAsync(owner);
        var theirs = await EmbeddedAsync(other);
        Assert.Equal(1, (int)theirs["total"]!);

        var mine = (await owner.SearchAsync("desconto maximo doze por cento clientes antigos"))[0]!;
        Assert.Equal((string?)secret["id"], (string?)mine["document_id"]);
        Assert.NotNull(mine["signals"]!["vector"]);
        Assert.DoesNotContain(await other.SearchAsync("desconto maximo doze por cento clientes antigos"), h => (string?)h!["document_id"] == (string?)secret["id"]);
        // Even handed the other workspace's id (whose vectors are in memory now), the caller's tenant filter finds none of its chunks.
        var nearest = await other.AsMemberAsync(sp => sp.GetRequiredService<IKnowledgeVectorSearch>()
            .NearestAsync(owner.TenantId, "desconto maximo doze por cento clientes antigos", 10, CancellationToken.None));
        Assert.Empty(nearest);
    }

    [Fact]
    public async Task Reading_progress_needs_copilot_use_and_generating_needs_knowledge_manage()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync("/api/v1/knowledge/embeddings")).ExpectAsync(HttpStatusCode.OK);
        await (await rep.Client.PostAsync("/api/v1/knowledge/embeddings/generate", null)).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var viewer = await owner.AddMemberAsync("viewer");
        await (await viewer.Client.GetAsync("/api/v1/knowledge/embeddings")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private static Task<JsonNode> EmbeddedAsync(Session member) =>
        Eventually.GetAsync(member, "/api/v1/knowledge/embeddings", p => (int)p["total"]! > 0 && (int)p["pending"]! == 0);

    private static Task<List<string>> StoredModelsAsync(Session member) =>
        member.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.KnowledgeChunkEmbeddings.Select(e => e.Model).ToListAsync();
        });
}

public sealed class KnowledgeEmbeddingsTestsOnSqlite(EmbeddingsSqliteApp app) : KnowledgeEmbeddingsTests(app), IClassFixture<EmbeddingsSqliteApp>;

public sealed class KnowledgeEmbeddingsTestsOnPostgres(EmbeddingsPostgresApp app) : KnowledgeEmbeddingsTests(app), IClassFixture<EmbeddingsPostgresApp>;

/// <summary>The default configuration: no embedding provider.</summary>
public abstract class KnowledgeWithoutEmbeddingsTests(CrmAppFactory app)
{
    [Fact]
    public async Task Without_a_provider_generating_is_a_409_that_says_so_and_every_chunk_lacks_a_vector()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateDocumentAsync("Garantia", "A garantia do inversor é de dois anos.");
        var problem = await (await owner.Client.PostAsync("/api/v1/knowledge/embeddings/generate", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "EMBEDDINGS_NOT_CONFIGURED");
        Assert.Contains("Knowledge:Embeddings:Provider", (string?)problem["title"]);
        var progress = await owner.GetJsonAsync("/api/v1/knowledge/embeddings");
        Assert.Equal(("none", null, 1, 0, 1, false), ((string?)progress["provider"], (string?)progress["model"], (int)progress["total"]!, (int)progress["embedded"]!,
            (int)progress["pending"]!, (bool)progress["running"]!));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/knowledge/chunks?embedding=is.null"))["total"]!);
        Assert.Null((await owner.SearchAsync("garantia inversor"))[0]!["signals"]!["vector"]);
    }
}

public sealed class KnowledgeWithoutEmbeddingsTestsOnSqlite(SqliteApp app) : KnowledgeWithoutEmbeddingsTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeWithoutEmbeddingsTestsOnPostgres(PostgresApp app) : KnowledgeWithoutEmbeddingsTests(app), IClassFixture<PostgresApp>;
