using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeQueryCoverageTests
{
    private static readonly Dictionary<string, double> Idf = new() { ["cortador"] = 3.0, ["impressora"] = 1.5, ["papel"] = 1.5 };

    [Fact]
    public void Coverage_is_the_idf_weighted_share_of_the_question_a_passage_holds()
    {
        string[] question = ["impressora", "cortador", "papel"];
        Assert.Equal(1.0, KnowledgeQueryCoverage.Of(question, Idf, KnowledgeQueryCoverage.Terms("impressora", "cortador papel")));
        Assert.Equal(0.5, KnowledgeQueryCoverage.Of(question, Idf, KnowledgeQueryCoverage.Terms("cortador")), 6);
        Assert.Equal(0.25, KnowledgeQueryCoverage.Of(question, Idf, KnowledgeQueryCoverage.Terms("", "impressora boleto")), 6);
    }

    [Fact]
    public void Terms_the_workspace_does_not_know_count_for_nothing()
    {
        // A typo ("cortadro") is not in the workspace's statistics: it neither adds to the whole nor to what a passage holds.
        Assert.Equal(1.0, KnowledgeQueryCoverage.Of(["cortador", "cortadro"], Idf, KnowledgeQueryCoverage.Terms("cortador")));
        Assert.Equal(0.0, KnowledgeQueryCoverage.Of(["cortadro"], Idf, KnowledgeQueryCoverage.Terms("cortador")));
    }

    [Fact]
    public void A_passage_holding_the_whole_question_outranks_one_holding_its_rarest_word_when_coverage_weighs()
    {
        var docA = Guid.NewGuid();
        var docB = Guid.NewGuid();
        // The full-text signal ranks the passage with only the rare word first; the other holds every question term.
        var rareOnly = new KnowledgeCandidate(Guid.NewGuid(), docA, Lexical: 3, LexicalRank: 1, Coverage: 0.5);
        var whole = new KnowledgeCandidate(Guid.NewGuid(), docB, Lexical: 2.8, LexicalRank: 2, Coverage: 1.0);
        Assert.Equal(rareOnly.ChunkId, KnowledgeFusion.Rank([rareOnly, whole], new KnowledgeSearchOptions { CoverageWeight = 0, HeadingCoverageWeight = 0 })[0].Candidate.ChunkId);
        Assert.Equal(whole.ChunkId, KnowledgeFusion.Rank([rareOnly, whole], new KnowledgeSearchOptions { CoverageWeight = 0.5, HeadingCoverageWeight = 0 })[0].Candidate.ChunkId);
    }

    [Fact]
    public void A_passage_whose_headings_hold_the_question_outranks_one_that_only_mentions_it_when_heading_coverage_weighs()
    {
        var inBody = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 3, LexicalRank: 1, Coverage: 1, HeadingCoverage: 0);
        var inHeading = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 2.8, LexicalRank: 2, Coverage: 1, HeadingCoverage: 1);
        Assert.Equal(inBody.ChunkId, KnowledgeFusion.Rank([inBody, inHeading], new KnowledgeSearchOptions { CoverageWeight = 0, HeadingCoverageWeight = 0 })[0].Candidate.ChunkId);
        Assert.Equal(inHeading.ChunkId, KnowledgeFusion.Rank([inBody, inHeading], new KnowledgeSearchOptions { CoverageWeight = 0, HeadingCoverageWeight = 0.5 })[0].Candidate.ChunkId);
    }

    [Fact]
    public void With_a_rerank_depth_only_the_first_stage_best_chunks_are_re_weighed()
    {
        var first = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 3, LexicalRank: 1, Coverage: 0.2);
        var second = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 2.9, LexicalRank: 2, Coverage: 1);
        var far = new KnowledgeCandidate(Guid.NewGuid(), Guid.NewGuid(), Lexical: 1, LexicalRank: 8, Coverage: 1);
        var all = KnowledgeFusion.Rank([first, second, far], new KnowledgeSearchOptions { CoverageWeight = 1, RerankDepth = 0 });
        Assert.Equal([second.ChunkId, far.ChunkId, first.ChunkId], all.Select(x => x.Candidate.ChunkId));
        var top2 = KnowledgeFusion.Rank([first, second, far], new KnowledgeSearchOptions { CoverageWeight = 1, RerankDepth = 2 });
        Assert.Equal([second.ChunkId, first.ChunkId, far.ChunkId], top2.Select(x => x.Candidate.ChunkId));
    }
}
