using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeProximityTests
{
    private static readonly Dictionary<string, double> Idf = new() { ["plan"] = 1.0, ["anual"] = 2.0, ["desconto"] = 2.0 };

    private static IReadOnlyList<string> Analysed(string text) => KnowledgeText.Terms(text);

    [Fact]
    public void Question_words_said_together_score_above_the_same_words_far_apart()
    {
        var question = new[] { "plan", "anual" };
        var together = KnowledgeProximity.Of(question, ["o", "plan", "anual", "custa"], Idf);
        var apart = KnowledgeProximity.Of(question, ["plan", "a", "b", "c", "d", "e", "anual"], Idf);
        Assert.Equal(1.0, together);
        Assert.Equal(0.0, apart);
    }

    [Fact]
    public void Pairs_weigh_by_their_rarer_term_and_concept_terms_do_not_break_adjacency()
    {
        // "plano anual com desconto": pairs (plan, anual) weight 1 and (anual, desconto) weight 2; only the first is together.
        var question = new[] { "plan", "anual", "desconto" };
        Assert.Equal(1.0 / 3, KnowledgeProximity.Of(question, ["plan", "anual", "x", "y", "z", "w", "desconto"], Idf), 6);
        // Concept terms the analysis inserts ("desconto" → xpreco) are skipped on both sides.
        var stored = Analysed("desconto no plano anual");
        Assert.Contains("xpreco", stored);
        Assert.Equal(1.0, KnowledgeProximity.Of(Analysed("plano anual desconto"), stored,
            stored.Distinct().ToDictionary(t => t, _ => 1.0)));
    }

    [Fact]
    public void A_passage_saying_the_question_together_outranks_one_scattering_it_when_proximity_weighs()
    {
        var scattered = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 3, LexicalRank: 1, Proximity: 0);
        var together = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 2.9, LexicalRank: 2, Proximity: 1);
        Assert.Equal(scattered.ChunkId, KnowledgeFusion.Rank([scattered, together], new KnowledgeSearchOptions { ProximityWeight = 0 })[0].Candidate.ChunkId);
        Assert.Equal(together.ChunkId, KnowledgeFusion.Rank([scattered, together], new KnowledgeSearchOptions { ProximityWeight = 0.5 })[0].Candidate.ChunkId);
    }
}
