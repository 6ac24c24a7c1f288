using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeTrigramScoreTests
{
    [Fact]
    public void A_misspelt_word_still_scores_against_the_right_word_and_each_question_word_counts_once()
    {
        var score = new KnowledgeTrigramScore(["garantai", "inversor"]);
        var right = score.Score("a garantia do inversor e de dois anos");
        var wrong = score.Score("entregamos em dez dias uteis");
        Assert.True(right > 1.5 && right <= 2, $"right {right}");
        Assert.True(wrong < 0.5, $"wrong {wrong}");
        Assert.Equal(1, new KnowledgeTrigramScore(["inversor"]).Score("inversor inversor inversor"));
    }
}
