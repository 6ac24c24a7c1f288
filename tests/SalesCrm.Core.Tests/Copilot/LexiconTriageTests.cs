using SalesCrm.Core.Copilot;
using static SalesCrm.Core.Copilot.MessageIntent;
using static SalesCrm.Core.Copilot.MessageSentiment;
using static SalesCrm.Core.Copilot.MessageUrgency;

namespace SalesCrm.Core.Tests.Copilot;

/// <summary>The offline triage on messages as customers write them on WhatsApp: colloquial, without accents, shouting.</summary>
public class LexiconTriageTests
{
    [Theory]
    // pt-BR, as written: accents or not, abbreviations, elongations, capitals, "!!!"
    [InlineData("Bom dia! Tudo bem?", Neutral, Low, Greeting)]
    [InlineData("oiii", Neutral, Low, Greeting)]
    [InlineData("Tá caro demais, o concorrente faz por bem menos", Negative, Normal, PriceObjection)]
    [InlineData("ta mto caro isso ai", Negative, Normal, PriceObjection)]
    [InlineData("meu cunhado instala mais barato", Negative, Normal, PriceObjection)]
    [InlineData("Gostei da proposta, mas não cabe no bolso agora", Neutral, Normal, PriceObjection)]
    [InlineData("Vou pensar e te falo", Neutral, Normal, Other)]
    [InlineData("Podemos marcar uma visita amanhã às 10h?", Neutral, Normal, Scheduling)]
    [InlineData("qual horario vc tem na semana que vem", Neutral, Normal, Scheduling)]
    [InlineData("Quero fechar! Me manda o pix", Positive, Normal, PurchaseIntent)]
    [InlineData("pode mandar o contrato que eu assino hj", Positive, Normal, PurchaseIntent)]
    [InlineData("Não quero fechar agora, obrigado", Neutral, Low, NotInterested)]
    [InlineData("PRODUTO CHEGOU QUEBRADO!!! QUERO MEU DINHEIRO DE VOLTA", Negative, High, Complaint)]
    [InlineData("cade meu pedido??? paguei faz 10 dias e ninguem responde", Negative, High, Complaint)]
    [InlineData("Péssimo atendimento, vou reclamar no Reclame Aqui", Negative, High, Complaint)]
    [InlineData("Preciso disso urgente, consegue entregar ainda hoje?", Neutral, High, Question)]
    [InlineData("Vocês aceitam cartão?", Neutral, Normal, Question)]
    [InlineData("nao gostei nada do atendimento", Negative, Normal, Other)]
    [InlineData("Adorei!! Muito obrigada pelo atendimento 😍", Positive, Low, Thanks)]
    [InlineData("valeu, sem pressa, me responde quando puder", Positive, Low, Thanks)]
    [InlineData("Não tenho interesse, pode tirar meu número", Negative, Low, NotInterested)]
    [InlineData("O produto não é ruim", Neutral, Normal, Other)]
    // a negation ends with its clause: the emphatic "não" closing one does not turn the praise after the comma around
    [InlineData("não está caro não, gostei muito", Positive, Normal, Other)]
    // what a point-of-sale customer writes when the system lets them down
    [InlineData("o caixa travou de novo, estou sem vender", Negative, Normal, Complaint)]
    [InlineData("O sistema parou e ninguém me atende", Negative, Normal, Complaint)]
    // replies from the demo workspace's conversations
    [InlineData("Ótimo, vou fechar então", Positive, Normal, PurchaseIntent)]
    [InlineData("À tarde, por favor!", Neutral, Normal, Scheduling)]
    [InlineData("Pode mandar sim", Neutral, Normal, Other)]
    // English
    [InlineData("Hi there!", Neutral, Low, Greeting)]
    [InlineData("That's way too expensive, your competitor is cheaper", Negative, Normal, PriceObjection)]
    [InlineData("Can we schedule a call tomorrow?", Neutral, Normal, Scheduling)]
    [InlineData("I want to buy it, send the invoice please", Positive, Normal, PurchaseIntent)]
    [InlineData("This is unacceptable, the item arrived broken!!!", Negative, High, Complaint)]
    [InlineData("I need an answer ASAP", Neutral, High, Other)]
    [InlineData("Do you deliver to Lisbon?", Neutral, Normal, Question)]
    [InlineData("Thanks a lot, great service!", Positive, Low, Thanks)]
    public void Messages_get_the_sentiment_urgency_and_intent_a_rep_would_give(string text, MessageSentiment sentiment, MessageUrgency urgency, MessageIntent intent)
    {
        var triage = LexiconTriage.Analyze(text);
        Assert.Equal((sentiment, urgency, intent), (triage.Sentiment, triage.Urgency, triage.Intent));
        Assert.Equal(MessageTriage.LexiconProvider, triage.Provider);
    }

    [Fact]
    public void A_negation_turns_praise_around_and_a_negated_purchase_is_no_purchase_intent()
    {
        Assert.Equal(Positive, LexiconTriage.Analyze("gostei muito").Sentiment);
        Assert.Equal(Negative, LexiconTriage.Analyze("não gostei").Sentiment);
        Assert.NotEqual(PurchaseIntent, LexiconTriage.Analyze("nao vou comprar").Intent);
    }

    [Fact]
    public void Shouting_and_exclamations_raise_the_urgency_of_the_same_words()
    {
        Assert.Equal(Normal, LexiconTriage.Analyze("preciso da resposta hoje").Urgency);
        Assert.Equal(High, LexiconTriage.Analyze("PRECISO DA RESPOSTA HOJE!!!").Urgency);
    }

    [Fact]
    public void Spellings_without_accents_read_as_with_them()
    {
        Assert.Equal(LexiconTriage.Analyze("Não está funcionando, péssimo"), LexiconTriage.Analyze("nao esta funcionando, pessimo"));
        Assert.Equal(LexiconTriage.Analyze("urgente"), LexiconTriage.Analyze("urgenteeee"));
    }

    [Fact]
    public void An_empty_message_is_neutral_and_other() =>
        Assert.Equal(new MessageTriage(Neutral, Normal, Other, MessageTriage.LexiconProvider), LexiconTriage.Analyze("   "));
}
