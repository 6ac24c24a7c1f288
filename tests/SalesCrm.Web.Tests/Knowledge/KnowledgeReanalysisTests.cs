using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>
/// Chunks indexed by an older analysis (simulated by overwriting their analysed columns) are brought up to date by
/// <see cref="KnowledgeReanalysis"/>: search finds them again, the term statistics follow, and up-to-date chunks are not written.
/// </summary>
public abstract class KnowledgeReanalysisTests(CrmAppFactory app)
{
    [Fact]
    public async Task Chunks_indexed_by_an_older_analysis_are_re_analysed_and_found_again()
    {
        var owner = await app.RegisterAsync();
        var document = (string)(await owner.CreateDocumentAsync("Entrega", "Enviamos pela transportadora parceira com rastreio."))["id"]!;
        Assert.Contains("Entrega", (await owner.SearchAsync("transportadora")).Titles());

        // What an older vocabulary might have stored: nothing search can match for "transportadora".
        await StaleAsync(owner, document, KnowledgeText.AnalyserVersion - 1);
        Assert.Empty(await owner.SearchAsync("transportadora"));

        Assert.Equal(1, await ReanalyseAsync());
        Assert.Contains("Entrega", (await owner.SearchAsync("transportadora")).Titles());
        var statistics = await owner.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.KnowledgeTerms.Where(t => t.TenantId == owner.TenantId).ToDictionaryAsync(t => t.Term, t => t.Chunks);
        });
        Assert.Equal(1, statistics[KnowledgeText.Terms("transportadora")[0]]);
    }

    [Fact]
    public async Task Chunks_stamped_with_the_current_analyser_are_not_read_again()
    {
        var owner = await app.RegisterAsync();
        var document = (string)(await owner.CreateDocumentAsync("Coleta", "Retiramos o equipamento antigo com a transportadora."))["id"]!;
        Assert.Equal(0, await ReanalyseAsync());

        // Terms that differ but a current stamp: the analyser did not change, so the pass does not even read the chunk.
        await StaleAsync(owner, document, KnowledgeText.AnalyserVersion);
        Assert.Equal(0, await ReanalyseAsync());
        Assert.DoesNotContain("Coleta", (await owner.SearchAsync("transportadora")).Titles());

        await StaleAsync(owner, document, 0);
        Assert.Equal(1, await ReanalyseAsync());
        Assert.Contains("Coleta", (await owner.SearchAsync("transportadora")).Titles());
        Assert.Equal(0, await ReanalyseAsync());
    }

    /// <summary>Overwrites the document's chunk's analysed columns with what an older vocabulary might have stored, stamped <paramref name="version"/>.</summary>
    private static Task StaleAsync(Session owner, string document, int version) =>
        owner.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var chunk = await db.KnowledgeChunks.SingleAsync(c => c.DocumentId == Guid.Parse(document));
            (chunk.SearchHeading, chunk.SearchBody, chunk.SearchText, chunk.AnalyserVersion) = ("entreg", "envi", "entrega enviamos", version);
            return await db.SaveChangesAsync();
        });

    /// <summary>A whole pass of <see cref="KnowledgeReanalysis"/>, as the worker runs it; the chunks rewritten.</summary>
    private async Task<int> ReanalyseAsync()
    {
        var rewritten = 0;
        Guid? last = null;
        do
        {
            await using var scope = app.Services.CreateAsyncScope();
            (last, var n) = await scope.ServiceProvider.GetRequiredService<KnowledgeReanalysis>().RunBatchAsync(last, 2, CancellationToken.None);
            rewritten += n;
        } while (last is not null);
        return rewritten;
    }

    [Fact]
    public void A_chunk_whose_terms_are_current_is_left_alone()
    {
        var document = new KnowledgeDocument { Title = "Garantia", Content = "x", TenantId = Guid.NewGuid() };
        var chunk = new KnowledgeChunk { Text = "A garantia cobre defeitos de fabricação.", HeadingPath = ["Cobertura"] };
        KnowledgeChunkIndexing.Fill(chunk, document, DateTime.UtcNow);
        Assert.False(KnowledgeReanalysis.Reanalyse(chunk, document));
        chunk.SearchBody = "garant";
        Assert.True(KnowledgeReanalysis.Reanalyse(chunk, document));
        Assert.Equal(KnowledgeText.Analyze(chunk.Text), chunk.SearchBody);
    }
}

public sealed class KnowledgeReanalysisTestsOnSqlite(SqliteApp app) : KnowledgeReanalysisTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeReanalysisTestsOnPostgres(PostgresApp app) : KnowledgeReanalysisTests(app), IClassFixture<PostgresApp>;
