using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Copilot;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>Feedback through the copilot reaches the search for questions like the rated one, and only those (ADR 034).</summary>
public abstract class KnowledgeFeedbackTests(CrmAppFactory app)
{
    [Fact]
    public async Task A_thumbs_up_raises_its_chunks_for_a_similar_question_and_leaves_them_alone_for_an_unrelated_one()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateDocumentAsync("Condições A", "Parcelamos a instalação do kit em doze vezes no cartão. O inversor tem garantia de dez anos contra defeitos.");
        await owner.CreateDocumentAsync("Condições B", "Parcelamos a instalação do kit em doze vezes no boleto. O inversor tem garantia de cinco anos contra defeitos.");
        var answer = await owner.SuggestOkAsync(new { intent = "free_text", context = "dá pra parcelar a instalação do kit em doze vezes?" });
        var suggestion = answer["suggestions"]![0]!;
        var rated = Playbook.SourceChunks(suggestion).Select(c => c.ToString()).ToHashSet();
        Assert.NotEmpty(rated);

        await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = answer["session_id"], suggestion_id = suggestion["id"], rating = "up" }))
            .ExpectAsync(HttpStatusCode.OK);

        var similar = await owner.SearchAsync("parcelamento da instalação do kit em doze vezes");
        Assert.All(similar.Where(h => rated.Contains((string)h!["chunk_id"]!)), h => Assert.True((double)h!["signals"]!["feedback"]! > 0));
        Assert.Contains(similar, h => rated.Contains((string)h!["chunk_id"]!));
        var unrelated = await owner.SearchAsync("garantia do inversor contra defeitos");
        var found = unrelated.Where(h => rated.Contains((string)h!["chunk_id"]!)).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, h => Assert.Null(h!["signals"]!["feedback"]));
    }
}

public sealed class KnowledgeFeedbackTestsOnSqlite(SqliteApp app) : KnowledgeFeedbackTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeFeedbackTestsOnPostgres(PostgresApp app) : KnowledgeFeedbackTests(app), IClassFixture<PostgresApp>;
