using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeExpansionTests
{
    private static readonly Dictionary<string, int> Chunks = new() { [""] = 100, ["fechament"] = 4, ["contrat"] = 6, ["assinatur"] = 3, ["client"] = 80, ["unico"] = 1, ["sim"] = 5 };
    private static readonly IReadOnlyDictionary<string, double> Idf = KnowledgeTermStatistics.Plan(Chunks, 0, 0).Idf;

    [Fact]
    public void Expansion_prefers_terms_frequent_in_the_top_passages_and_rare_in_the_workspace()
    {
        IReadOnlyList<string>[] passages =
        [
            ["fechament", "contrat", "assinatur", "client", "client", "fechament"],
            ["contrat", "fechament", "client"],
        ];
        var terms = KnowledgeExpansion.Terms(passages, Idf, Chunks, ["sim"], 2);
        Assert.Equal(["fechament", "contrat"], terms);
        Assert.DoesNotContain("client", KnowledgeExpansion.Terms(passages, Idf, Chunks, ["sim"], 3));
    }

    [Fact]
    public void Question_terms_and_terms_of_a_single_chunk_are_never_added()
    {
        IReadOnlyList<string>[] passages = [["unico", "fechament", "sim", "sim"]];
        var terms = KnowledgeExpansion.Terms(passages, Idf, Chunks, ["sim"], 5);
        Assert.Equal(["fechament"], terms);
    }

    [Fact]
    public void The_expanded_search_moves_a_chunk_it_finds_above_an_equal_one_it_does_not()
    {
        var doc = Guid.NewGuid();
        var a = new KnowledgeCandidate(Guid.NewGuid(), doc, Lexical: 2, LexicalRank: 1);
        var b = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 2, LexicalRank: 2, ExpansionRank: 1);
        Assert.Equal(a.ChunkId, KnowledgeFusion.Rank([a, b], new KnowledgeSearchOptions { ExpansionWeight = 0 })[0].Candidate.ChunkId);
        Assert.Equal(b.ChunkId, KnowledgeFusion.Rank([a, b], new KnowledgeSearchOptions { ExpansionWeight = 0.5 })[0].Candidate.ChunkId);
    }
}
