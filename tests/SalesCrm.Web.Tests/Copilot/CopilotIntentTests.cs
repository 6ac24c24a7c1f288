using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>The copilot over the real knowledge search: the intent steers which passages answer the same context.</summary>
public abstract class CopilotIntentTests(CrmAppFactory app)
{
    [Fact]
    public async Task The_same_context_asked_with_two_intents_cites_different_top_sources()
    {
        var owner = await app.RegisterAsync();
        var objection = (string)(await owner.CreateDocumentAsync("Objeção: está caro", """
            # Objeção: está caro
            ## Resposta sugerida
            Entendo. O investimento se paga em quatro anos com a economia na conta de luz, e depois a energia sai quase de graça.
            """, "objection_handler"))["id"]!;
        var product = (string)(await owner.CreateDocumentAsync("Ficha do kit solar", """
            # Kit solar residencial
            ## Preço do kit
            O preço do kit solar residencial de 5 kWp é R$ 18.900 com painéis, inversor e instalação; parcelamos em até 12 vezes.
            """, "product_info"))["id"]!;
        var followUp = (string)(await owner.CreateDocumentAsync("Cadência de follow-up", """
            # Cadência de follow-up
            ## Depois de enviar o preço
            Resposta sugerida: "Oi! Conseguiu ver o preço do kit solar? Se achou caro, faço uma simulação do parcelamento para você."
            """, "process"))["id"]!;
        const string context = "qual o preço do kit solar? achei caro";

        var asObjection = await TopSourceAsync(owner, "objection", context);
        var asQuestion = await TopSourceAsync(owner, "free_text", context);
        var asFollowUp = await TopSourceAsync(owner, "follow_up", context);
        Assert.Equal((objection, product, followUp), (asObjection, asQuestion, asFollowUp));
    }

    [Fact]
    public async Task Without_a_lead_the_seller_placeholder_is_the_rep_asking_and_a_dropped_name_leaves_a_capital()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateDocumentAsync("Abertura", """
            # Abertura
            ## Resposta sugerida
            (nome), tudo bem? Aqui é (vendedor), da Solar Sul: posso te fazer duas perguntas rápidas sobre a sua conta de luz?
            """, "script");
        var answer = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/suggest", new { intent = "qualification", context = "conta de luz perguntas rápidas" })).ExpectAsync(HttpStatusCode.OK);
        var text = (string)answer["suggestions"]![0]!["text"]!;
        var me = (string)(await owner.GetJsonAsync("/api/v1/me"))["user"]!["name"]!;
        Assert.Contains("Aqui é " + me + ", da Solar Sul", text);
        Assert.DoesNotContain("(", text);
        Assert.True(char.IsUpper(text[0]), text);
    }

    private static async Task<string> TopSourceAsync(Session owner, string intent, string context)
    {
        var answer = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/suggest", new { intent, context })).ExpectAsync(HttpStatusCode.OK);
        return (string)answer["suggestions"]![0]!["sources"]![0]!["document_id"]!;
    }
}

public sealed class CopilotIntentTestsOnSqlite(SqliteApp app) : CopilotIntentTests(app), IClassFixture<SqliteApp>;

public sealed class CopilotIntentTestsOnPostgres(PostgresApp app) : CopilotIntentTests(app), IClassFixture<PostgresApp>;
