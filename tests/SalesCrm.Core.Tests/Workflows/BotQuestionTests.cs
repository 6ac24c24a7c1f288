using System.Text.Json.Nodes;
using SalesCrm.Core.Knowledge;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Nodes;

namespace SalesCrm.Core.Tests.Workflows;

public class BotQuestionTests
{
    [Fact]
    public void Up_to_three_short_options_are_reply_buttons_and_longer_or_more_options_a_list()
    {
        var buttons = JsonNode.Parse(BotQuestion.Interactive("Quando?", AnswerOption.FromTitles(["Este mês", "Depois"]))!)!;
        Assert.Equal("button", (string?)buttons["type"]);
        Assert.Equal(["reply", "reply"], buttons["action"]!["buttons"]!.AsArray().Select(b => (string?)b!["type"]));

        var longTitle = JsonNode.Parse(BotQuestion.Interactive("Quando?", AnswerOption.FromTitles(["Nos próximos seis meses", "Depois"]))!)!;
        Assert.Equal("list", (string?)longTitle["type"]);
        Assert.Equal("Nos próximos seis meses", (string?)longTitle["action"]!["sections"]![0]!["rows"]![0]!["id"]);
        Assert.Null(BotQuestion.Interactive("Qual o seu nome?", []));
    }

    [Fact]
    public void Confidence_is_the_share_of_the_questions_terms_the_best_passage_holds()
    {
        static KnowledgeSearchHit Hit(string text) => new(Guid.NewGuid(), Guid.NewGuid(), "Doc", KnowledgeDocumentType.Faq, ["Garantia"], text, 1, new KnowledgeSignals(1, 1));

        Assert.Equal(0, AnswerConfidence.Of("qual a garantia do inversor?", []));
        Assert.Equal(1, AnswerConfidence.Of("qual a garantia do inversor?", [Hit("O inversor tem dez anos."), Hit("Qual a garantia do inversor? Dez anos.")]));
        Assert.True(AnswerConfidence.Of("aceitam bitcoin parcelado no inversor?", [Hit("O inversor tem dez anos de garantia.")]) < 0.5);
    }
}
