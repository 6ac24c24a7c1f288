using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeSpellingTests
{
    private static readonly string[] Passages =
    [
        "objecao: pedido de desconto a vista. troque desconto por compromisso",
        "meu cunhado instala mais barato. o preco inclui a instalacao",
        "tecnicas de fechamento: resumo, alternativa",
    ];

    [Theory]
    [InlineData("precu", "preco")]             // one letter wrong
    [InlineData("cunhao", "cunhado")]          // one letter missing
    [InlineData("descotno", "desconto")]       // two neighbours swapped
    [InlineData("fechamneto", "fechamento")]   // a swap and a long word
    public void A_misspelt_word_becomes_the_closest_word_the_passages_hold(string typo, string word) =>
        Assert.Equal([word], KnowledgeSpelling.Correct(["o", typo, "de", "vcs"], Passages));

    [Fact]
    public void A_swap_of_two_neighbouring_letters_counts_as_one_edit()
    {
        Assert.Equal(1, KnowledgeSpelling.Distance("cunhdao", "cunhado", 1));
        Assert.Equal(["cunhado"], KnowledgeSpelling.Correct(["cunhdao"], Passages));
    }

    [Fact]
    public void Words_the_passages_hold_short_words_and_far_words_are_left_alone()
    {
        Assert.Empty(KnowledgeSpelling.Correct(["desconto", "preco", "vista"], Passages));
        Assert.Empty(KnowledgeSpelling.Correct(["prc", "ptz"], Passages));
        Assert.Empty(KnowledgeSpelling.Correct(["garantia", "boleto"], Passages));
        Assert.Empty(KnowledgeSpelling.Correct(["precu"], []));
    }

    [Fact]
    public void Of_two_words_equally_close_the_more_frequent_wins()
    {
        Assert.Equal(["caro"], KnowledgeSpelling.Correct(["cbro"], ["caro caro carro", "caro", "cobro"]));
    }
}
