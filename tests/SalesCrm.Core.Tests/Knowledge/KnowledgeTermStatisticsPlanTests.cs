using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeTermStatisticsPlanTests
{
    private static readonly Dictionary<string, int> Workspace = new() { [""] = 1000, ["garant"] = 5, ["inversor"] = 40, ["ano"] = 600, ["sistem"] = 300 };

    [Fact]
    public void A_plan_matches_the_rarest_terms_until_the_budget_and_weighs_every_known_term()
    {
        var plan = KnowledgeTermStatistics.Plan(Workspace, budget: 100, minimum: 1);
        Assert.Equal(["garant", "inversor"], plan.Match);
        Assert.Equal(45, plan.Postings);
        Assert.Equal(["ano", "garant", "inversor", "sistem"], plan.Idf.Keys.Order());
        Assert.True(plan.Idf["garant"] > plan.Idf["inversor"] && plan.Idf["inversor"] > plan.Idf["sistem"] && plan.Idf["sistem"] > plan.Idf["ano"]);
        Assert.All(plan.Idf.Values, idf => Assert.True(idf > 0));
    }

    [Fact]
    public void A_small_knowledge_base_matches_every_term_and_the_minimum_holds_past_the_budget()
    {
        Assert.Equal(4, KnowledgeTermStatistics.Plan(Workspace, budget: 10_000, minimum: 2).Match.Count);
        Assert.Equal(["garant", "inversor"], KnowledgeTermStatistics.Plan(Workspace, budget: 1, minimum: 2).Match);
        Assert.Empty(KnowledgeTermStatistics.Plan(new Dictionary<string, int> { [""] = 3 }, budget: 100, minimum: 1).Match);
    }
}
