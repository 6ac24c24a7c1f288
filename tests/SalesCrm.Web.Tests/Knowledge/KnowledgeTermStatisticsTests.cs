using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>
/// The per-workspace term statistics (knowledge_terms, ADR 025) stay equal to a recount of the workspace's searchable
/// chunks through every kind of write, in the same transaction, and each workspace counts only its own chunks.
/// </summary>
public abstract class KnowledgeTermStatisticsTests(CrmAppFactory app)
{
    private const string Garantia = """
        # Garantia

        ## Inversor
        A garantia do inversor é de dois anos contra defeitos de fabricação.

        ## Painéis
        Os painéis têm garantia de vinte e cinco anos de desempenho e dez anos de produto.
        """;

    [Fact]
    public async Task Term_statistics_follow_document_and_chunk_writes()
    {
        var owner = await app.RegisterAsync();
        var garantia = (string)(await owner.CreateDocumentAsync("Garantia", Garantia))["id"]!;
        var entrega = (string)(await owner.CreateDocumentAsync("Entrega", "Entregamos em até dez dias úteis com instalação agendada."))["id"]!;
        await AssertMatchesRecountAsync(owner);
        var inversor = KnowledgeText.Terms("inversor")[0];
        Assert.Equal(1, (await StatisticsAsync(owner))[inversor]);
        Assert.Equal(3, (await StatisticsAsync(owner))[""]);

        // A document edit re-chunks it: the removed passage's terms go, the new one's come.
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{garantia}",
            new { content = "# Garantia\n\n## Baterias\nAs baterias têm garantia de cinco anos." })).ExpectAsync(HttpStatusCode.OK);
        await AssertMatchesRecountAsync(owner);
        Assert.False((await StatisticsAsync(owner)).ContainsKey(inversor));
        Assert.Equal(1, (await StatisticsAsync(owner))[KnowledgeText.Terms("baterias")[0]]);

        // Disabling a chunk takes it out; enabling brings it back; editing its text re-counts it.
        var chunk = (await owner.ChunksAsync(entrega))[0]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = false })).ExpectAsync(HttpStatusCode.OK);
        await AssertMatchesRecountAsync(owner);
        Assert.Equal(1, (await StatisticsAsync(owner))[""]);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { enabled = true })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/chunks/{chunk["id"]}", new { text = "Entregamos com transportadora própria." })).ExpectAsync(HttpStatusCode.OK);
        await AssertMatchesRecountAsync(owner);

        // A chunk added by hand, then deleted; an archived document leaves the statistics, a published one returns.
        var added = await (await owner.Client.PostAsJsonAsync("/api/v1/knowledge/chunks", new { document_id = entrega, text = "Frete grátis para o Nordeste." })).ExpectAsync(HttpStatusCode.Created);
        await AssertMatchesRecountAsync(owner);
        await (await owner.Client.DeleteAsync($"/api/v1/knowledge/chunks/{added["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        await AssertMatchesRecountAsync(owner);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{garantia}", new { status = "archived" })).ExpectAsync(HttpStatusCode.OK);
        await AssertMatchesRecountAsync(owner);
        Assert.False((await StatisticsAsync(owner)).ContainsKey(KnowledgeText.Terms("baterias")[0]));
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{garantia}", new { status = "published" })).ExpectAsync(HttpStatusCode.OK);
        await AssertMatchesRecountAsync(owner);

        await (await owner.Client.DeleteAsync($"/api/v1/knowledge/documents/{garantia}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.DeleteAsync($"/api/v1/knowledge/documents/{entrega}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await StatisticsAsync(owner));
    }

    [Fact]
    public async Task Each_workspace_counts_only_its_own_chunks()
    {
        var first = await app.RegisterAsync();
        var second = await app.RegisterAsync();
        await first.CreateDocumentAsync("Garantia", Garantia);
        var deleted = (string)(await second.CreateDocumentAsync("Garantia", Garantia))["id"]!;
        await second.CreateDocumentAsync("Entrega", "A garantia da entrega cobre avarias no transporte.");
        var garantia = KnowledgeText.Terms("garantia")[0];
        Assert.Equal(2, (await StatisticsAsync(first))[garantia]);
        Assert.Equal(3, (await StatisticsAsync(second))[garantia]);

        await (await second.Client.DeleteAsync($"/api/v1/knowledge/documents/{deleted}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(2, (await StatisticsAsync(first))[garantia]);
        Assert.Equal(1, (await StatisticsAsync(second))[garantia]);
        await AssertMatchesRecountAsync(first);
        await AssertMatchesRecountAsync(second);
    }

    [Fact]
    public async Task A_remembering_context_reads_each_term_once_and_answers_later_asks_from_memory()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateDocumentAsync("Garantia", Garantia);
        var garantia = KnowledgeText.Terms("garantia")[0];
        var frete = KnowledgeText.Terms("frete")[0];
        await owner.AsMemberAsync(async sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            KnowledgeTermStatistics.Remember(db, owner.TenantId);
            var first = await KnowledgeTermStatistics.CountsAsync(db, owner.TenantId, [garantia, frete], default);
            Assert.Equal(2, first[garantia]);
            Assert.False(first.ContainsKey(frete));

            await owner.CreateDocumentAsync("Entrega", "A garantia da entrega cobre avarias. Frete grátis para o Nordeste.");
            var nordeste = KnowledgeText.Terms("nordeste")[0];
            // Terms asked before keep the counts first read (one search sees one snapshot); a term asked for the first time is read.
            var again = await KnowledgeTermStatistics.CountsAsync(db, owner.TenantId, [garantia, frete, nordeste], default);
            Assert.Equal(2, again[garantia]);
            Assert.False(again.ContainsKey(frete));
            Assert.Equal(1, again[nordeste]);
            Assert.Equal(first[""], again[""]);

            // A context that was not told to remember reads the current counts.
            await using var fresh = await factory.CreateDbContextAsync();
            var current = await KnowledgeTermStatistics.CountsAsync(fresh, owner.TenantId, [garantia, frete], default);
            Assert.Equal(3, current[garantia]);
            Assert.Equal(1, current[frete]);
            return 0;
        });
    }

    /// <summary>The workspace's statistics rows, term → chunks.</summary>
    private static Task<Dictionary<string, int>> StatisticsAsync(Session member) => member.AsMemberAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.KnowledgeTerms.Where(t => t.TenantId == member.TenantId).ToDictionaryAsync(t => t.Term, t => t.Chunks);
    });

    /// <summary>The statistics equal a count, from scratch, of the distinct analysed terms of the workspace's searchable chunks.</summary>
    private static async Task AssertMatchesRecountAsync(Session member)
    {
        var chunks = await member.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.KnowledgeChunks.Where(c => c.Searchable).Select(c => c.SearchHeading + " " + c.SearchBody).ToListAsync();
        });
        var expected = chunks
            .SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("").Distinct())
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var actual = await StatisticsAsync(member);
        Assert.Equal(expected.OrderBy(x => x.Key, StringComparer.Ordinal), actual.OrderBy(x => x.Key, StringComparer.Ordinal));
    }
}

public sealed class KnowledgeTermStatisticsTestsOnSqlite(SqliteApp app) : KnowledgeTermStatisticsTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeTermStatisticsTestsOnPostgres(PostgresApp app) : KnowledgeTermStatisticsTests(app), IClassFixture<PostgresApp>;
