using SalesCrm.Core.Copilot;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Copilot;

public class GroundedComposerTests
{
    private static KnowledgeSearchHit Hit(string title, KnowledgeDocumentType type, string text) =>
        new(Guid.NewGuid(), Guid.NewGuid(), title, type, [], text, 1, new KnowledgeSignals(1, 0));

    private static readonly LeadFacts Marina = new(Guid.NewGuid(), "Marina Costa", Guid.NewGuid(), "Proposta", "kit solar", "Carla Mendes", null, [], true,
        new Dictionary<string, string> { ["first_name"] = "Marina" });

    [Fact]
    public void The_suggestion_is_the_answer_in_the_playbooks_words_with_the_lead_filled_in_not_the_customers_objection()
    {
        var hit = Hit("Objeções", KnowledgeDocumentType.ObjectionHandler,
            "## Vou pensar\nCliente: \"Vou pensar.\"\nResposta: \"Claro, {{first_name}}! Enquanto pensa, posso te mandar o comparativo do {{produto}}?\" Depois, agende um retorno em 2 dias.");
        var suggestion = Assert.Single(GroundedComposer.Compose("vou pensar", CopilotIntent.Objection, [hit], Marina));
        Assert.Equal("Claro, Marina! Enquanto pensa, posso te mandar o comparativo do kit solar?", suggestion.Text);
        Assert.Equal(hit.ChunkId, Assert.Single(suggestion.Sources).ChunkId);
    }

    [Fact]
    public void At_most_three_suggestions_one_per_passage_in_retrieval_order()
    {
        var hits = Enumerable.Range(1, 5).Select(i => Hit($"Doc {i}", KnowledgeDocumentType.Faq, $"Resposta número {i} sobre parcelamento em até {i * 2} vezes no cartão.")).ToList();
        var suggestions = GroundedComposer.Compose("parcelamento", CopilotIntent.Objection, hits, null);
        Assert.Equal(3, suggestions.Count);
        Assert.Equal(hits.Take(3).Select(h => h.ChunkId), suggestions.Select(s => s.Sources[0].ChunkId));
    }

    [Fact]
    public void Identical_passages_give_one_suggestion_and_no_passages_none()
    {
        var text = "Oferecemos garantia de 25 anos nos painéis.";
        Assert.Single(GroundedComposer.Compose("garantia", CopilotIntent.FreeText, [Hit("A", KnowledgeDocumentType.Faq, text), Hit("B", KnowledgeDocumentType.Faq, text)], null));
        Assert.Empty(GroundedComposer.Compose("garantia", CopilotIntent.FreeText, [], null));
    }

    [Fact]
    public void A_long_passage_is_cut_to_a_whatsapp_sized_reply_around_the_best_sentence()
    {
        var filler = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"Frase de contexto número {i} sem relação."));
        var hit = Hit("FAQ", KnowledgeDocumentType.Faq, filler + " A instalação leva dois dias úteis depois da vistoria. " + filler);
        var text = Assert.Single(GroundedComposer.Compose("quanto tempo leva a instalação", CopilotIntent.FreeText, [hit], null)).Text;
        Assert.StartsWith("A instalação leva dois dias úteis", text);
        Assert.True(text.Length <= GroundedComposer.TargetLength + 81, text.Length.ToString());
    }
}
