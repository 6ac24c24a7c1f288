using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

/// <summary>Counts read as the language says them: one form for exactly one, another for every other count.</summary>
public class PluralsTests
{
    [Theory]
    [InlineData("pt-BR", "DealsLower", 1, "negócio")]
    [InlineData("pt-BR", "DealsLower", 2, "negócios")]
    [InlineData("pt-BR", "DealsLower", 0, "negócios")]
    [InlineData("pt-BR", "ConversationsLower", 1, "conversa")]
    [InlineData("pt-BR", "UnreadMessagesLower", 1, "mensagem")]
    [InlineData("pt-BR", "OverdueLower", 1, "atrasada")]
    [InlineData("pt-BR", "OverdueLower", 3, "atrasadas")]
    [InlineData("pt-BR", "Selected", 1, "selecionado")]
    [InlineData("en", "DealsLower", 1, "deal")]
    [InlineData("en", "DealsLower", 100, "deals")]
    [InlineData("en", "UnreadMessagesLower", 1, "message")]
    public void A_count_of_one_takes_the_singular_and_every_other_count_the_plural(string culture, string key, int count, string expected) =>
        Assert.Equal(expected, Plurals.For(ResourceLocalizer.For(culture), key, count));

    [Fact]
    public void Counted_sentences_are_formatted_in_their_number()
    {
        using var _ = new CultureScope("pt-BR");
        Assert.Equal("parado há 1 dia", Plurals.For(ResourceLocalizer.For("pt-BR"), "IdleForDays", 1, 1));
        Assert.Equal("parado há 5 dias", Plurals.For(ResourceLocalizer.For("pt-BR"), "IdleForDays", 5, 5));
        Assert.StartsWith("Excluir 1 lead? Ele sai", Plurals.For(ResourceLocalizer.For("pt-BR"), "DeleteLeadsQuestion", 1, 1));
        Assert.StartsWith("Delete 2 leads?", Plurals.For(ResourceLocalizer.For("en"), "DeleteLeadsQuestion", 2, 2));
        Assert.Equal("1 webhook ran out of delivery attempts.", Plurals.For(ResourceLocalizer.For("en"), "WebhooksFailing", 1, 1));
    }
}
