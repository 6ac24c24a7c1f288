using SalesCrm.Core.Copilot;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Copilot;

public class GroundedComposerTests
{
    private static KnowledgeSearchHit Hit(string title, KnowledgeDocumentType type, string text, Guid? document = null, params string[] headings) =>
        new(Guid.NewGuid(), document ?? Guid.NewGuid(), title, type, headings, text, 1, new KnowledgeSignals(1, 0));

    private static KnowledgeSearchHit Scored(KnowledgeSearchHit hit, double score) => hit with { Score = score };

    private static readonly LeadFacts Marina = new(Guid.NewGuid(), "Marina Costa", Guid.NewGuid(), "Proposta", "kit solar", "Carla Mendes", null, [], true,
        new Dictionary<string, string> { ["first_name"] = "Marina", ["company"] = "Padaria Sol" });

    /// <summary>An objection handler cut into sections as the chunker cuts it, retrieved in the order a lexical search gives (the customer's words first).</summary>
    private static List<KnowledgeSearchHit> PriceObjection()
    {
        var doc = Guid.NewGuid();
        KnowledgeSearchHit Section(string heading, string text) => Hit("Objeção: tá caro", KnowledgeDocumentType.ObjectionHandler, text, doc, "Objeção: \"tá caro\"", heading);
        return
        [
            Section("Como o cliente costuma dizer", "- “Está caro.”\n- “Por esse valor eu continuo no caderno.”\n- “O plano anual pesa no caixa do meu mercadinho.”"),
            Section("Quando aparece", "Logo depois da proposta. Quase sempre \"caro\" quer dizer \"ainda não vi o valor\", e não \"não tenho dinheiro\"."),
            Section("O que não fazer", "Não baixe o preço na primeira reclamação: o cliente aprende que o preço não era sério."),
            Section("Se continuar achando caro", "Ajuste o tamanho, não o preço: comece com o Plano Mensal sem fidelidade. Desconto só depois de esgotar essas opções."),
            Section("Resposta sugerida", "\"Entendo, (nome). Caro comparado com o quê? O Plano Anual sai por uns R$ 5,50 por dia para a (empresa) — menos do que um café.\""),
            Section("Depois da resposta", "Resolvida a dúvida, proponha um passo: \"Posso reservar o kit e a gente confirma até sexta?\" Registre no CRM."),
        ];
    }

    [Fact]
    public void The_best_document_answers_with_its_scripted_reply_first_then_the_lines_it_says_to_say()
    {
        var hits = PriceObjection();
        var suggestions = GroundedComposer.Compose("tá caro", CopilotIntent.Objection, hits, Marina);

        Assert.Equal(
            ["Entendo, Marina. Caro comparado com o quê? O Plano Anual sai por uns R$ 5,50 por dia para a Padaria Sol — menos do que um café.",
             "Marina, posso reservar o kit e a gente confirma até sexta?"],
            suggestions.Select(s => s.Text));
        Assert.Equal([hits[4].ChunkId, hits[5].ChunkId], suggestions.Select(s => s.Sources.Single().ChunkId));
    }

    [Fact]
    public void The_customers_words_the_situation_what_not_to_do_and_instructions_to_the_rep_are_never_suggested()
    {
        var hits = PriceObjection().Where(h => h.HeadingPath[^1] != "Resposta sugerida" && h.HeadingPath[^1] != "Depois da resposta").ToList();
        Assert.Empty(GroundedComposer.Compose("tá caro", CopilotIntent.Objection, hits, Marina));
    }

    [Fact]
    public void Further_documents_add_what_they_state_about_the_message_never_another_situations_scripted_reply()
    {
        var hits = PriceObjection().Take(5).ToList();
        var installments = Hit("FAQ: pagamento", KnowledgeDocumentType.Faq,
            "Sim. Os kits saem em até 6x sem juros no cartão. Quando o cliente pedir parcelamento, atualize a proposta e reenvie.", null, "FAQ", "Dá para parcelar o valor?");
        var otherQuestion = Hit("FAQ: pagamento", KnowledgeDocumentType.Faq, "Atendemos MEI com o próprio CNPJ.", installments.DocumentId, "FAQ", "Atendem MEI?");
        var otherObjection = Hit("Objeção: vou pensar", KnowledgeDocumentType.ObjectionHandler,
            "\"Claro, (nome), é uma decisão importante. O que ficou pesando mais na sua decisão?\"", null, "Objeção: vou pensar", "Resposta sugerida");
        var arguments = Hit("Objeção: meu cunhado instala", KnowledgeDocumentType.ObjectionHandler,
            "- Use os números do próprio cliente.\n- Nosso técnico configura a emissão de NFC-e e o certificado digital, e isso vale o preço.", null, "Objeção: cunhado", "Argumentos concretos");
        var suggestions = GroundedComposer.Compose("tá caro", CopilotIntent.Objection, [.. hits, Scored(otherObjection, 0.9), Scored(installments, 0.85), Scored(otherQuestion, 0.85), Scored(arguments, 0.8)], Marina);

        Assert.Equal(3, suggestions.Count);
        Assert.StartsWith("Entendo, Marina. Caro comparado", suggestions[0].Text);
        // The FAQ's bare "Sim." answered its own question; the lead is addressed; the note to the rep is left out.
        Assert.Equal("Marina, os kits saem em até 6x sem juros no cartão.", suggestions[1].Text);
        Assert.Equal("Marina, nosso técnico configura a emissão de NFC-e e o certificado digital, e isso vale o preço.", suggestions[2].Text);
        // The FAQ's other questions are not about the message.
        Assert.DoesNotContain(suggestions, s => s.Text.Contains("MEI"));
        Assert.DoesNotContain(suggestions, s => s.Text.Contains("decisão importante"));
    }

    [Fact]
    public void A_message_as_much_about_a_second_situation_gets_that_situations_scripted_reply_too()
    {
        var thinking = Hit("Objeção: vou pensar", KnowledgeDocumentType.ObjectionHandler,
            "\"Claro, (nome), é uma decisão importante. O que ficou pesando mais na sua decisão?\" Depois, \"Te ligo quinta às 10h, pode ser?\"", null, "Objeção: vou pensar", "Resposta sugerida");
        var suggestions = GroundedComposer.Compose("achei caro, vou pensar", CopilotIntent.Objection, [thinking, .. PriceObjection().Select(h => Scored(h, 0.97))], Marina);

        Assert.StartsWith("Claro, Marina, é uma decisão importante.", suggestions[0].Text);
        Assert.StartsWith("Entendo, Marina. Caro comparado", suggestions[1].Text);
    }

    [Theory]
    [InlineData("Kit comprado com a gente tem nota fiscal.", "Marina, kit comprado com a gente tem nota fiscal.")]
    [InlineData("O Plano Anual sai por R$ 1.990.", "Marina, o Plano Anual sai por R$ 1.990.")]
    [InlineData("NFC-e sai em todo pedido nosso.", "Marina, NFC-e sai em todo pedido nosso.")]
    [InlineData("Pix confirma na hora; no Pix não há taxa para nós.", "Marina, Pix confirma na hora; no Pix não há taxa para nós.")]
    public void A_reply_without_the_leads_name_is_addressed_to_them_keeping_names_capitalized(string fact, string expected) =>
        Assert.Equal(expected, Assert.Single(GroundedComposer.Compose("nota", CopilotIntent.FreeText, [Hit("FAQ", KnowledgeDocumentType.Faq, fact)], Marina)).Text);

    [Fact]
    public void The_suggestion_is_the_answer_in_the_playbooks_words_with_the_lead_filled_in_not_the_customers_objection()
    {
        var hit = Hit("Objeções", KnowledgeDocumentType.ObjectionHandler,
            "## Vou pensar\nCliente: \"Vou pensar com calma sobre tudo isso.\"\nResposta: \"Claro, {{first_name}}! Enquanto pensa, posso te mandar o comparativo do {{produto}}?\" Depois, agende um retorno em 2 dias.");
        var suggestion = Assert.Single(GroundedComposer.Compose("vou pensar", CopilotIntent.Objection, [hit], Marina));
        Assert.Equal("Claro, Marina! Enquanto pensa, posso te mandar o comparativo do kit solar?", suggestion.Text);
        Assert.Equal(hit.ChunkId, Assert.Single(suggestion.Sources).ChunkId);
    }

    [Fact]
    public void At_most_three_suggestions_one_per_document_in_retrieval_order()
    {
        string[] facts =
        [
            "O parcelamento vai até 6 vezes sem juros no cartão.", "No boleto o pagamento é à vista, com vencimento em 3 dias.",
            "O Pix confirma o pedido na hora.", "A nota fiscal chega por e-mail no dia do faturamento.", "Atendemos MEI com o próprio CNPJ.",
        ];
        var hits = facts.Select((fact, i) => Hit($"Doc {i}", KnowledgeDocumentType.Faq, fact)).ToList();
        var suggestions = GroundedComposer.Compose("parcelamento", CopilotIntent.Objection, hits, null);
        Assert.Equal(3, suggestions.Count);
        Assert.Equal(hits.Take(3).Select(h => h.ChunkId), suggestions.Select(s => s.Sources[0].ChunkId));
    }

    [Fact]
    public void Replies_that_say_the_same_thing_give_one_suggestion_and_no_passages_none()
    {
        Assert.Single(GroundedComposer.Compose("garantia", CopilotIntent.FreeText,
            [Hit("A", KnowledgeDocumentType.Faq, "Oferecemos garantia de 25 anos nos painéis."), Hit("B", KnowledgeDocumentType.Faq, "Os painéis têm garantia de 25 anos, oferecemos.")], null));
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

    [Fact]
    public void A_question_the_customer_asked_quoted_inside_a_process_step_is_never_offered_as_a_reply()
    {
        var text = "Se o cliente pediu horário pelo anúncio (\"ainda têm horário essa semana?\"), ofereça dois horários. " +
                   "Diga: \"Temos terça às 10h ou quinta às 15h, qual fica melhor para você?\"";
        var quotes = PlaybookText.Quotations(text);
        Assert.DoesNotContain(quotes, q => q.Contains("ainda têm horário"));
        Assert.Contains(quotes, q => q.StartsWith("Temos terça"));
    }
}
