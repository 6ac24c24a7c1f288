using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeTextTests
{
    [Theory]
    [InlineData("Está caro", "esta caro")]
    [InlineData("INSTALAÇÃO", "instalacao")]
    public void Folding_drops_case_and_accents(string text, string folded) => Assert.Equal(folded, KnowledgeText.Fold(text));

    [Theory]
    [InlineData("preço", "precos")]
    [InlineData("caro", "cara")]
    [InlineData("pensar", "pensando")]
    [InlineData("instalar", "instalação")]
    [InlineData("parcelamento", "parcelas")]
    [InlineData("garantia", "garantias")]
    public void Inflections_share_a_stem(string a, string b) =>
        Assert.Equal(KnowledgeText.Stem(KnowledgeText.Fold(a)), KnowledgeText.Stem(KnowledgeText.Fold(b)));

    [Fact]
    public void Chat_spelling_is_spelled_out_and_stopwords_dropped()
    {
        Assert.Equal(KnowledgeText.Terms("você está achando caro"), KnowledgeText.Terms("vc ta achando caro"));
        Assert.DoesNotContain(KnowledgeText.Terms("o que é isso"), t => t is "o" or "que" or "isso");
    }

    [Fact]
    public void Words_of_one_sales_concept_share_a_concept_term()
    {
        var caro = KnowledgeText.Terms("tá caro");
        var preco = KnowledgeText.Terms("o preço do investimento");
        Assert.NotEmpty(caro.Intersect(preco));
        Assert.Contains(KnowledgeText.Terms("meu cunhado faz"), t => KnowledgeText.Terms("um amigo").Contains(t));
    }

    [Theory]
    [InlineData("posso devolver?", "tem reembolso")]
    [InlineData("o reajuste na renovação", "o preço vai aumentar")]
    [InlineData("meus funcionários", "a equipe")]
    [InlineData("é complicado de usar", "fácil")]
    [InlineData("como rastrear", "o código de rastreio")]
    [InlineData("o cliente sumiu", "visualizou e não respondeu")]
    [InlineData("tá salgado", "muito caro")]
    public void General_sales_synonyms_share_a_concept_term(string a, string b) =>
        Assert.NotEmpty(KnowledgeText.Terms(a).Where(t => t.StartsWith('x')).Intersect(KnowledgeText.Terms(b)));

    [Fact]
    public void Chat_abbreviations_of_prepositions_payment_and_english_are_spelled_out()
    {
        Assert.Equal(KnowledgeText.Terms("para lanchonete com balança"), KnowledgeText.Terms("p/ lanchonete c/ balança"));
        Assert.Equal(KnowledgeText.Terms("pagando à vista"), KnowledgeText.Terms("pagando avista"));
        Assert.Equal(KnowledgeText.Terms("qual o valor do pagamento"), KnowledgeText.Terms("ql o vlr do pgto"));
        Assert.Equal(KnowledgeText.Terms("can you send it please"), KnowledgeText.Terms("can u send it pls"));
    }
}

public class KnowledgeMarkdownFileTests
{
    [Fact]
    public void Front_matter_fills_the_document_and_the_rest_is_its_content()
    {
        var input = KnowledgeMarkdownFile.Parse("""
            ---
            title: "Objeção: tá caro"
            type: objection_handler        # comment
            language: pt-BR
            tags: [objeção, preço, caro]
            metadata:
              stage: Negociação
              product: Plano Anual
              vertical: todos
            ---

            # Objeção
            Texto.
            """, "objecao-preco.md");
        Assert.Equal(("Objeção: tá caro", KnowledgeDocumentType.ObjectionHandler, "pt-BR"), (input.Title, input.Type, input.Language));
        Assert.Equal(["objeção", "preço", "caro"], input.Tags!);
        Assert.Equal(("Negociação", "Plano Anual", "todos"), (input.Metadata!.PipelineStage, input.Metadata.Product, input.Metadata.Vertical));
        Assert.Equal("# Objeção\nTexto.", input.Content);
    }
}

public class KnowledgeHighlightTests
{
    [Fact]
    public void Matched_words_are_returned_as_the_passage_spells_them()
    {
        var words = KnowledgeHighlight.MatchedWords("O preço do Plano Anual inclui instalação e garantia.", "qto custa a instalacao do plano?");
        Assert.Contains("instalação", words);
        Assert.Contains("Plano", words);
        Assert.Contains("preço", words); // "custa" and "preço" are one concept
        Assert.DoesNotContain("garantia", words);
    }
}

public class KnowledgeLanguageGuessTests
{
    [Theory]
    [InlineData("how much is your annual plan?", "en")]
    [InlineData("¿cuánto cuesta el plan anual?", "es")]
    [InlineData("qnto custa o plano de vcs?", "pt-BR")]
    [InlineData("PDV", null)]
    public void The_language_of_a_question_is_guessed_from_its_function_words(string question, string? language) =>
        Assert.Equal(language, KnowledgeLanguageGuess.Guess(question));
}
