using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>A small solar-energy playbook (an objection handler, a product sheet, a distractor) and copilot API calls.</summary>
public static class Playbook
{
    public const string PriceAnswer = "O investimento em energia solar se paga em 4 a 5 anos com a economia na conta de luz";

    public sealed record Seeded(KnowledgeSearchHit Price, KnowledgeSearchHit Product, KnowledgeSearchHit Distractor);

    public static Seeded Seed(CopilotAppBase app, Session owner) => new(
        app.Knowledge.Add(owner.TenantId, "Objeções: preço", KnowledgeDocumentType.ObjectionHandler,
            "## Objeção: está caro\nCliente: \"Tá caro.\"\nResposta sugerida: \"Entendo, [nome]. " + PriceAnswer
            + ", e depois disso a energia sai praticamente de graça.\" Pergunte qual é o valor médio da conta de luz.", "Objeções", "Está caro"),
        app.Knowledge.Add(owner.TenantId, "Produto: kit solar", KnowledgeDocumentType.ProductInfo,
            "O kit residencial inclui painéis de 550 W, inversor e instalação. Garantia de 25 anos de performance nos painéis."),
        app.Knowledge.Add(owner.TenantId, "Política de férias", KnowledgeDocumentType.Process, "Férias devem ser pedidas com 30 dias de antecedência."));

    public static async Task<HttpResponseMessage> SuggestAsync(this Session session, object body) =>
        await session.Client.PostAsJsonAsync("/api/v1/copilot/suggest", body);

    public static async Task<JsonNode> SuggestOkAsync(this Session session, object body) =>
        await (await session.SuggestAsync(body)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<string> LeadAsync(this Session owner, string name) => (string)(await owner.CreateLeadAsync(new { name }))["id"]!;

    public static IEnumerable<string> Texts(JsonNode answer) => answer["suggestions"]!.AsArray().Select(s => (string)s!["text"]!);

    public static IEnumerable<Guid> SourceChunks(JsonNode suggestion) => suggestion["sources"]!.AsArray().Select(s => Guid.Parse((string)s!["chunk_id"]!));
}
